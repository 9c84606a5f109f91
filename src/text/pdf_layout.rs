//! Positioned glyphs of PDF pages to paragraphs in reading order.
//!
//! A PDF's text layer is a set of glyphs at positions; the order they are
//! drawn in is whatever the program that wrote the file chose. This module
//! puts them back into the text a reader sees, from geometry alone:
//!
//! 1. glyphs on one baseline form a line, split into *segments* where a gap
//!    wider than [`GAP_EM`] separates them (a column gutter, a tab stop);
//! 2. a page's segments are put in reading order by recursive XY-cut:
//!    a vertical gutter that runs through a whole region splits it into
//!    columns read left to right; otherwise the region is cut into bands
//!    at horizontal gaps and read top to bottom, with neighbouring bands
//!    that share a gutter read as one multi-column region (so two columns
//!    whose paragraph breaks happen to line up are not read across);
//! 3. lines become paragraphs: a larger gap than the usual line spacing, a
//!    change of type size, a first-line indent, or a move back up the page
//!    (the next column) starts a new one, and paragraphs are separated by a
//!    blank line;
//! 4. running headers and footers (the same text in the top or bottom margin
//!    of most pages, page numbers ignored) and bare page numbers are dropped.
//!
//! Nothing here reads a file: it is tested on glyphs made up in code.

/// One glyph of the text layer, in points from the page's top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub struct Glyph {
    /// Left edge.
    pub x: f64,
    /// Baseline, measured down from the top of the page.
    pub y: f64,
    /// Advance width of the glyph itself (without character spacing).
    pub width: f64,
    /// Type size in points as drawn.
    pub size: f64,
    /// The glyph's text (usually one character; a ligature gives more).
    pub text: String,
}

/// One page's glyphs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
}

/// A gap between glyphs on one line wider than this many ems separates two
/// segments (columns, cells, tab stops) rather than two words.
const GAP_EM: f64 = 1.0;
/// A gap wider than this many ems between glyphs is a word space.
const WORD_SPACE_EM: f64 = 0.18;
/// Glyphs whose baselines differ by less than this many ems share a line.
const SAME_LINE_EM: f64 = 0.35;
/// A horizontal band boundary needs at least this many ems of white space
/// (more than ordinary line spacing leaves).
const BAND_GAP_EM: f64 = 0.6;
/// A line more than this many times the usual line pitch below the one
/// before it starts a new paragraph.
const PARAGRAPH_PITCH: f64 = 1.3;
/// Margins where running headers and footers sit, as a share of the page.
const MARGIN_SHARE: f64 = 0.08;
/// Recursion bound for the XY-cut (a hostile page cannot exhaust the stack).
const MAX_DEPTH: usize = 64;

/// The text of `pages`: paragraphs in reading order separated by one blank
/// line, ending with a line feed (empty when there is no text).
pub fn pages_to_text(pages: &[Page]) -> String {
    let mut segments: Vec<Vec<Segment>> = pages.iter().map(page_segments).collect();
    drop_running_furniture(pages, &mut segments);
    let mut paragraphs: Vec<String> = Vec::new();
    for page in segments {
        let lines = reading_order(page);
        let mut page_paragraphs = paragraphs_of(&lines);
        // A paragraph that runs on over a page break: the page ends
        // mid-sentence and the next begins in lower case.
        if let (Some(last), Some(first)) = (paragraphs.last_mut(), page_paragraphs.first())
            && !ends_sentence(last)
            && first.chars().next().is_some_and(char::is_lowercase)
        {
            let first = page_paragraphs.remove(0);
            join_line(last, &first);
        }
        paragraphs.extend(page_paragraphs);
    }
    let mut text = paragraphs.join("\n\n");
    if !text.is_empty() {
        text.push('\n');
    }
    text
}

/// A run of glyphs on one line with no wide gap inside.
#[derive(Debug, Clone)]
struct Segment {
    x0: f64,
    x1: f64,
    /// Baseline.
    y: f64,
    size: f64,
    text: String,
}

impl Segment {
    fn top(&self) -> f64 {
        self.y - 0.75 * self.size
    }
    fn bottom(&self) -> f64 {
        self.y + 0.25 * self.size
    }
}

/// A line of a region in reading order, with the region it belongs to.
#[derive(Debug, Clone)]
struct Line {
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    text: String,
    /// Which leaf region of the XY-cut the line is in.
    region: usize,
    /// The region's left edge.
    region_x0: f64,
}

fn page_segments(page: &Page) -> Vec<Segment> {
    let mut glyphs: Vec<&Glyph> = page
        .glyphs
        .iter()
        .filter(|g| g.size.is_finite() && g.size > 0.0 && g.x.is_finite() && g.y.is_finite())
        .filter(|g| g.width.is_finite())
        .collect();
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    // Glyphs into lines by baseline.
    let mut lines: Vec<Vec<&Glyph>> = Vec::new();
    let mut line_y = f64::NEG_INFINITY;
    let mut line_size: f64 = 0.0;
    for g in glyphs {
        if (g.y - line_y).abs() <= SAME_LINE_EM * line_size.min(g.size) {
            if let Some(line) = lines.last_mut() {
                line.push(g);
            }
        } else {
            line_y = g.y;
            line_size = g.size;
            lines.push(vec![g]);
        }
    }
    let mut segments = Vec::new();
    for mut line in lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut current: Option<Segment> = None;
        let mut previous: Option<&Glyph> = None;
        for g in line {
            let blank = g.text.trim().is_empty();
            // Text drawn twice a hair apart (a fake bold) is read once.
            // (A doubled letter is a full advance apart: "ll" stays.)
            if let Some(p) = previous
                && p.text == g.text
                && (p.x - g.x).abs() < (0.1 * g.size).min(0.5 * p.width.abs())
                && (p.y - g.y).abs() < 0.1 * g.size
            {
                continue;
            }
            previous = Some(g);
            let gap = current.as_ref().map(|s| g.x - s.x1);
            match (&mut current, gap) {
                (Some(segment), Some(gap)) if gap <= GAP_EM * g.size.max(segment.size) => {
                    if blank {
                        push_space(&mut segment.text);
                    } else {
                        if gap > WORD_SPACE_EM * g.size {
                            push_space(&mut segment.text);
                        }
                        segment.text.push_str(&g.text);
                    }
                    segment.x1 = segment.x1.max(g.x + g.width);
                    segment.size = segment.size.max(g.size);
                }
                _ => {
                    if blank {
                        // A space with nothing before it on the line, or
                        // far from anything: not a segment of its own.
                        continue;
                    }
                    segments.extend(current.take());
                    current = Some(Segment {
                        x0: g.x,
                        x1: g.x + g.width,
                        y: g.y,
                        size: g.size,
                        text: g.text.clone(),
                    });
                }
            }
        }
        segments.extend(current);
    }
    for s in &mut segments {
        s.text = clean(&s.text);
    }
    segments.retain(|s| !s.text.is_empty());
    segments
}

fn push_space(text: &mut String) {
    if !text.is_empty() && !text.ends_with(' ') {
        text.push(' ');
    }
}

/// Ligatures spelt out, soft hyphens, no-break spaces and control
/// characters dealt with, runs of spaces collapsed.
fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            '\u{ad}' => out.push('\u{ad}'), // resolved when lines are joined
            '\u{a0}' | '\t' | '\u{2002}'..='\u{200a}' => push_space(&mut out),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    let collapsed: Vec<&str> = out.split(' ').filter(|w| !w.is_empty()).collect();
    let mut text = collapsed.join(" ");
    // A soft hyphen that is not at the end of the segment only marks where
    // a word could break.
    if let Some(inner) = text.strip_suffix('\u{ad}') {
        text = format!("{}\u{ad}", inner.replace('\u{ad}', ""));
    } else {
        text = text.replace('\u{ad}', "");
    }
    text
}

/// Digits replaced, case folded: what a running header looks like on every
/// page ("Page 3 of 12", "12/03/2019, 10:15").
fn furniture_key(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect::<String>()
        .to_lowercase()
}

/// "3", "- 3 -", "Page 3", "Page 3 of 12", "3/12", "3 of 12".
fn is_page_number(text: &str) -> bool {
    let key = furniture_key(text);
    let key = key.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let key = key.strip_prefix("page").unwrap_or(key).trim();
    let mut parts = key
        .split(['/', ' '])
        .filter(|p| !p.is_empty() && *p != "of");
    let first = parts.next();
    let second = parts.next();
    let third = parts.next();
    let number = |p: Option<&str>| p.is_some_and(|p| !p.is_empty() && p.chars().all(|c| c == '#'));
    number(first) && (second.is_none() || number(second)) && third.is_none()
}

/// Removes running headers and footers (the same text, digits aside, in the
/// top or bottom margin of at least two pages and half of them) and bare
/// page numbers in the margins.
fn drop_running_furniture(pages: &[Page], segments: &mut [Vec<Segment>]) {
    let in_margin = |page: &Page, s: &Segment| {
        page.height > 0.0
            && (s.bottom() < page.height * MARGIN_SHARE
                || s.top() > page.height * (1.0 - MARGIN_SHARE))
    };
    let mut counts: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (page, segs) in pages.iter().zip(segments.iter()) {
        let mut keys: Vec<String> = segs
            .iter()
            .filter(|s| in_margin(page, s))
            .map(|s| furniture_key(&s.text))
            .collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            *counts.entry(key).or_default() += 1;
        }
    }
    let pages_n = pages.len();
    for (page, segs) in pages.iter().zip(segments.iter_mut()) {
        segs.retain(|s| {
            if !in_margin(page, s) {
                return true;
            }
            let repeated = counts
                .get(&furniture_key(&s.text))
                .is_some_and(|&n| n >= 2 && n * 2 >= pages_n);
            !repeated && !is_page_number(&s.text)
        });
    }
}

/// A page's segments as lines in reading order.
fn reading_order(segments: Vec<Segment>) -> Vec<Line> {
    let median_size = median(segments.iter().map(|s| s.size)).unwrap_or(10.0);
    let mut leaves = Vec::new();
    xy_cut(segments, median_size, 0, &mut leaves);
    let mut lines = Vec::new();
    for (region, mut leaf) in leaves.into_iter().enumerate() {
        let region_x0 = leaf.iter().map(|s| s.x0).fold(f64::INFINITY, f64::min);
        leaf.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
        // Segments of one region on one baseline read as one line.
        let mut current: Option<Line> = None;
        for s in leaf {
            match &mut current {
                Some(line) if (s.y - line.y).abs() <= SAME_LINE_EM * s.size.min(line.size) => {
                    line.text.push(' ');
                    line.text.push_str(&s.text);
                    line.x1 = line.x1.max(s.x1);
                    line.size = line.size.max(s.size);
                }
                _ => {
                    lines.extend(current.take());
                    current = Some(Line {
                        x0: s.x0,
                        x1: s.x1,
                        y: s.y,
                        size: s.size,
                        text: s.text,
                        region,
                        region_x0,
                    });
                }
            }
        }
        lines.extend(current);
    }
    lines
}

/// Recursive XY-cut: appends the leaf regions of `segments` to `out` in
/// reading order.
fn xy_cut(segments: Vec<Segment>, em: f64, depth: usize, out: &mut Vec<Vec<Segment>>) {
    if segments.len() <= 1 || depth >= MAX_DEPTH {
        out.push(segments);
        return;
    }
    if let Some(cut) = vertical_cut(&segments, em) {
        let (left, right): (Vec<Segment>, Vec<Segment>) =
            segments.into_iter().partition(|s| s.x1 <= cut);
        xy_cut(left, em, depth + 1, out);
        xy_cut(right, em, depth + 1, out);
        return;
    }
    let bands = horizontal_bands(segments, em);
    if bands.len() == 1 {
        out.extend(bands);
        return;
    }
    // Neighbouring bands that, together, still have a gutter are one
    // multi-column region.
    let mut groups: Vec<Vec<Segment>> = Vec::new();
    for band in bands {
        if let Some(group) = groups.last_mut() {
            let mut joined = group.clone();
            joined.extend(band.iter().cloned());
            if vertical_cut(&joined, em).is_some() {
                *group = joined;
                continue;
            }
        }
        groups.push(band);
    }
    for group in groups {
        xy_cut(group, em, depth + 1, out);
    }
}

/// The middle of the widest vertical strip, at least [`GAP_EM`] wide, that
/// no segment crosses, with text on both sides.
fn vertical_cut(segments: &[Segment], em: f64) -> Option<f64> {
    let mut spans: Vec<(f64, f64)> = segments.iter().map(|s| (s.x0, s.x1)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut best: Option<(f64, f64)> = None;
    let mut reach = f64::NEG_INFINITY;
    for (x0, x1) in spans {
        if reach.is_finite() && x0 - reach >= GAP_EM * em {
            let width = x0 - reach;
            if best.is_none_or(|(w, _)| width > w) {
                best = Some((width, (reach + x0) / 2.0));
            }
        }
        reach = reach.max(x1);
    }
    best.map(|(_, at)| at)
}

/// Segments cut into bands at horizontal white space wider than
/// [`BAND_GAP_EM`], top to bottom.
fn horizontal_bands(mut segments: Vec<Segment>, em: f64) -> Vec<Vec<Segment>> {
    segments.sort_by(|a, b| a.top().total_cmp(&b.top()));
    let mut bands: Vec<Vec<Segment>> = Vec::new();
    let mut reach = f64::NEG_INFINITY;
    for s in segments {
        let starts_band = s.top() - reach >= BAND_GAP_EM * em;
        reach = reach.max(s.bottom());
        match bands.last_mut() {
            Some(band) if !starts_band => band.push(s),
            _ => bands.push(vec![s]),
        }
    }
    bands
}

/// Lines in reading order into paragraphs.
fn paragraphs_of(lines: &[Line]) -> Vec<String> {
    // The usual distance between baselines, in ems of the type.
    let pitch = median(lines.windows(2).filter_map(|w| {
        let (a, b) = (&w[0], &w[1]);
        let dy = b.y - a.y;
        (a.region == b.region && dy > 0.0 && similar_size(a.size, b.size)).then(|| dy / a.size)
    }))
    .unwrap_or(1.2)
    .clamp(1.0, 2.5);
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, line) in lines.iter().enumerate() {
        let new_paragraph = match i.checked_sub(1).map(|j| &lines[j]) {
            None => true,
            Some(prev) => {
                let dy = line.y - prev.y;
                let same_column = line.region == prev.region
                    || (line.x0 - prev.x0).abs() < 2.0 * line.size
                    || (overlap(prev.x0, prev.x1, line.x0, line.x1)
                        > 0.5 * (line.x1 - line.x0).min(prev.x1 - prev.x0));
                let indented = line.x0 - line.region_x0 > 0.8 * line.size
                    && prev.x0 - prev.region_x0 < 0.3 * prev.size
                    && line.region == prev.region;
                dy <= 0.0
                    || !same_column
                    || dy > PARAGRAPH_PITCH * pitch * prev.size.max(line.size)
                    || !similar_size(prev.size, line.size)
                    || indented
            }
        };
        if new_paragraph {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
            current = line.text.clone();
        } else {
            join_line(&mut current, &line.text);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    for p in &mut paragraphs {
        if p.ends_with('\u{ad}') {
            p.pop();
        }
    }
    paragraphs
}

/// Appends `next` to the paragraph `text` as the next line: a word broken
/// with a soft hyphen is joined, a word broken with a hyphen before a
/// lower-case letter keeps its hyphen (it may be a compound), anything else
/// is joined with a space.
fn join_line(text: &mut String, next: &str) {
    let starts_lower = next.chars().next().is_some_and(char::is_lowercase);
    if text.ends_with('\u{ad}') {
        text.pop();
        if !starts_lower {
            text.push(' ');
        }
    } else if !(text.ends_with('-') && starts_lower && ends_with_letter_then_hyphen(text)) {
        text.push(' ');
    }
    text.push_str(next);
}

fn ends_with_letter_then_hyphen(text: &str) -> bool {
    let mut rev = text.chars().rev();
    rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic)
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with([
        '.', '!', '?', ':', '"', '\u{201d}', '\u{2019}', '\'', ')', ';',
    ])
}

fn similar_size(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.15 * a.max(b)
}

fn overlap(a0: f64, a1: f64, b0: f64, b1: f64) -> f64 {
    (a1.min(b1) - a0.max(b0)).max(0.0)
}

fn median(values: impl Iterator<Item = f64>) -> Option<f64> {
    let mut v: Vec<f64> = values.filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    Some(v[v.len() / 2])
}

#[cfg(test)]
mod tests;
