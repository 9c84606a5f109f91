//! HTML to the plain text a reader sees, which is the text evidence offsets
//! refer to for an HTML article.
//!
//! Each block (paragraph, heading, list item, quotation, ...) becomes one
//! paragraph, paragraphs are separated by one blank line, `<br>` starts a new
//! line inside a paragraph, and whitespace inside a block is collapsed as a
//! browser would. Content a reader never sees (scripts, styles, navigation,
//! the document head with its `<title>`) is dropped; headers and footers are
//! kept because outlets are often named only there.

use scraper::{Html, Node};

/// Elements whose whole content is dropped.
const HIDDEN: &[&str] = &[
    "head", "script", "style", "noscript", "nav", "template", "svg", "iframe", "object", "canvas",
    "select", "datalist",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Table cells: a cell boundary is a word boundary, not a paragraph.
const CELLS: &[&str] = &["td", "th"];

/// Converts an HTML document to its visible text.
pub fn html_to_text(html: &str) -> String {
    let document = Html::parse_document(html);
    let mut out = TextBuilder::default();
    // An explicit stack rather than recursion: a hostile file with deeply
    // nested tags must not overflow the thread's stack.
    let mut stack = vec![(document.tree.root(), false)];
    while let Some((node, leaving)) = stack.pop() {
        match node.value() {
            Node::Text(text) => out.push_text(text),
            Node::Element(element) => {
                let name = element.name();
                if leaving {
                    out.leave(name);
                    continue;
                }
                if HIDDEN.contains(&name) {
                    continue;
                }
                out.enter(name);
                stack.push((node, true));
                push_children_reversed(&mut stack, node.children());
            }
            Node::Document | Node::Fragment => push_children_reversed(&mut stack, node.children()),
            _ => {}
        }
    }
    out.finish()
}

/// Pushes `children` so that they pop in document order.
fn push_children_reversed<T>(stack: &mut Vec<(T, bool)>, children: impl Iterator<Item = T>) {
    let start = stack.len();
    stack.extend(children.map(|child| (child, false)));
    stack[start..].reverse();
}

#[derive(Default)]
struct TextBuilder {
    paragraphs: Vec<String>,
    /// The paragraph being built, as lines (a `<br>` starts a new one).
    lines: Vec<String>,
    line: String,
    /// A collapsed run of whitespace is waiting to be written as one space.
    pending_space: bool,
    /// Inside `<pre>`, whitespace is kept as written.
    pre_depth: usize,
}

impl TextBuilder {
    fn enter(&mut self, name: &str) {
        if name == "br" {
            self.break_line();
        } else if BLOCKS.contains(&name) {
            self.end_paragraph();
            if name == "pre" {
                self.pre_depth += 1;
            }
        } else if CELLS.contains(&name) {
            self.pending_space = true;
        }
    }

    fn leave(&mut self, name: &str) {
        if BLOCKS.contains(&name) {
            self.end_paragraph();
            if name == "pre" {
                self.pre_depth = self.pre_depth.saturating_sub(1);
            }
        } else if CELLS.contains(&name) {
            self.pending_space = true;
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.pre_depth > 0 {
            self.push_preformatted(text);
            return;
        }
        for c in text.chars() {
            if is_collapsible_space(c) {
                self.pending_space = true;
            } else {
                if self.pending_space && !self.line.is_empty() {
                    self.line.push(' ');
                }
                self.pending_space = false;
                self.line.push(c);
            }
        }
    }

    fn push_preformatted(&mut self, text: &str) {
        if self.pending_space && !self.line.is_empty() {
            self.line.push(' ');
        }
        self.pending_space = false;
        let mut pieces = text.split('\n');
        if let Some(first) = pieces.next() {
            self.line.push_str(first);
        }
        for piece in pieces {
            self.break_line();
            self.line.push_str(piece);
        }
    }

    fn break_line(&mut self) {
        let line = std::mem::take(&mut self.line);
        self.lines.push(line.trim_end().to_string());
        self.pending_space = false;
    }

    fn end_paragraph(&mut self) {
        self.break_line();
        let lines = std::mem::take(&mut self.lines);
        // Blank lines at a paragraph's edges come from `<br>`s next to block
        // boundaries; they would only widen the gap between paragraphs.
        let first = lines.iter().position(|l| !l.is_empty());
        let last = lines.iter().rposition(|l| !l.is_empty());
        if let (Some(first), Some(last)) = (first, last) {
            // `<br><br><br>` reads as one paragraph break, not a gap wider
            // than the one between paragraphs.
            let mut kept: Vec<&str> = Vec::new();
            for line in &lines[first..=last] {
                if !(line.is_empty() && kept.last().is_some_and(|l| l.is_empty())) {
                    kept.push(line);
                }
            }
            self.paragraphs.push(kept.join("\n"));
        }
    }

    fn finish(mut self) -> String {
        self.end_paragraph();
        let mut text = self.paragraphs.join("\n\n");
        if !text.is_empty() {
            text.push('\n');
        }
        text
    }
}

/// HTML's collapsible whitespace, plus the no-break space, which pages use
/// for layout and which would otherwise hide word boundaries from the
/// extractor's patterns.
fn is_collapsible_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0c}' | '\u{a0}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_separated_by_one_blank_line() {
        let html = "<html><body><h1>Council  rated\n inadequate</h1><p>First para.</p>\
                    <p>Second <b>bold</b> para.</p></body></html>";
        assert_eq!(
            html_to_text(html),
            "Council rated inadequate\n\nFirst para.\n\nSecond bold para.\n"
        );
    }

    #[test]
    fn title_script_style_nav_and_noscript_are_dropped() {
        let html = "<html><head><title>Page title</title><style>p{}</style></head>\
                    <body><nav>Home | News</nav><script>var x = 1;</script>\
                    <noscript>Enable JS</noscript><template><p>hidden</p></template>\
                    <p>Visible.</p></body></html>";
        assert_eq!(html_to_text(html), "Visible.\n");
    }

    #[test]
    fn header_and_footer_are_kept() {
        let html = "<body><header>Local Gazette</header><article><p>Body.</p></article>\
                    <footer>© Local Gazette 2019</footer></body>";
        assert_eq!(
            html_to_text(html),
            "Local Gazette\n\nBody.\n\n© Local Gazette 2019\n"
        );
    }

    #[test]
    fn entities_are_decoded() {
        let html = "<p>Children&rsquo;s services &amp; &pound;6m &ldquo;plan&rdquo;&nbsp;now</p>";
        assert_eq!(
            html_to_text(html),
            "Children\u{2019}s services & £6m \u{201c}plan\u{201d} now\n"
        );
    }

    #[test]
    fn br_starts_a_line_within_a_paragraph() {
        let html = "<p>By Jo Bloggs<br>3 October 2018<br/></p><p>Next</p>";
        assert_eq!(html_to_text(html), "By Jo Bloggs\n3 October 2018\n\nNext\n");
    }

    #[test]
    fn runs_of_br_make_at_most_one_blank_line() {
        let html = "<div>First<br><br><br><br>Second</div>";
        assert_eq!(html_to_text(html), "First\n\nSecond\n");
    }

    #[test]
    fn list_items_and_nested_divs_become_paragraphs() {
        let html =
            "<div><div><ul><li>One</li><li> Two </li></ul></div><blockquote>Q</blockquote></div>";
        assert_eq!(html_to_text(html), "One\n\nTwo\n\nQ\n");
    }

    #[test]
    fn inline_elements_do_not_break_words() {
        let html = "<p>Ofs<span>ted</span> said <a href='x'>this</a>.</p>";
        assert_eq!(html_to_text(html), "Ofsted said this.\n");
    }

    #[test]
    fn table_cells_are_separated_by_a_space() {
        let html = "<table><tr><td>Sandwell</td><td>inadequate</td></tr></table>";
        assert_eq!(html_to_text(html), "Sandwell inadequate\n");
    }

    #[test]
    fn preformatted_text_keeps_its_lines() {
        let html = "<pre>a  b\nc</pre>";
        assert_eq!(html_to_text(html), "a  b\nc\n");
    }

    #[test]
    fn a_page_without_visible_text_gives_nothing() {
        assert_eq!(
            html_to_text("<html><head><title>T</title></head></html>"),
            ""
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let depth = 20_000;
        let html = format!("{}deep{}", "<div>".repeat(depth), "</div>".repeat(depth));
        assert_eq!(html_to_text(&html), "deep\n");
    }
}
