//! The article text (centre): wrapped, selectable, with evidence highlighted
//! one colour per family. Clicking highlighted text selects the field(s) it
//! supports; selecting text and pressing a key (or the context menu) uses it
//! as evidence or as a new item. The highlighted galley is cached until the
//! record, selection, width or font changes.

use super::command::Command;
use super::fields::{Family, FieldPath, ItemKind};
use super::highlight::{
    CompareMarks, HighlightSpan, compare_spans, evidence_extent, evidence_spans, fields_at,
};
use super::palette;
use super::settings::Settings;
use super::workspace::{DocState, LoadedDoc, Workspace};
use egui::text::{ByteIndex, LayoutJob, LayoutSection, TextFormat};
use egui::{Color32, FontId, Galley};
use std::ops::Range;
use std::sync::Arc;

/// What the highlight spans depend on.
#[derive(Clone, PartialEq)]
struct SpanKey {
    doc: usize,
    revision: u64,
    selected: Option<FieldPath>,
    hovered: Option<FieldPath>,
    marks: Option<CompareMarks>,
}

/// What the laid-out text depends on.
#[derive(Clone, PartialEq)]
struct GalleyKey {
    spans: SpanKey,
    wrap_width: u32,
    font_size: u32,
    dark: bool,
}

#[derive(Default)]
pub struct SourcePanel {
    /// The text the user has selected, as code point offsets.
    pub selection: Option<Range<usize>>,
    spans: Option<(SpanKey, Arc<Vec<HighlightSpan>>)>,
    galley: Option<(GalleyKey, Arc<Galley>)>,
    /// The field and document the view last scrolled for.
    scrolled_for: Option<(usize, Option<FieldPath>)>,
    /// A click in the text selected this field: do not scroll to it.
    clicked_field: Option<FieldPath>,
    /// Where the text was drawn last frame, for tests that point at words.
    drawn: Option<(egui::Pos2, Arc<Galley>)>,
    /// The compare view's difference at hand: only its two curators'
    /// evidence is highlighted while it is set.
    pub compare_marks: Option<CompareMarks>,
    /// The marks the view last scrolled to.
    scrolled_marks: Option<CompareMarks>,
}

impl SourcePanel {
    pub fn text_id(&self) -> egui::Id {
        egui::Id::unique("article-text")
    }

    /// The highlight spans for `doc` (cached).
    fn spans_for(&mut self, key: SpanKey, doc: &LoadedDoc) -> Arc<Vec<HighlightSpan>> {
        if let Some((k, spans)) = &self.spans
            && *k == key
        {
            return spans.clone();
        }
        let emphasised = key.selected.or(key.hovered);
        let chars = doc.offsets.chars();
        let spans = Arc::new(match &key.marks {
            Some(marks) => compare_spans(marks, chars),
            None => evidence_spans(&doc.record, emphasised, chars),
        });
        self.spans = Some((key, spans.clone()));
        spans
    }

    /// Where character `index` (code points) of the article was drawn in the
    /// last frame: the middle of its left edge, in screen points.
    pub fn char_screen_pos(&self, index: usize) -> Option<egui::Pos2> {
        let (origin, galley) = self.drawn.as_ref()?;
        let rect = galley.pos_from_cursor(egui::text::CCursor::new(index));
        Some(*origin + rect.left_center().to_vec2())
    }

    /// The selected text of the current document, if any.
    pub fn selected_text<'a>(&self, doc: &'a LoadedDoc) -> Option<(&'a str, Range<usize>)> {
        let range = self.selection.clone()?;
        let (a, b) = (
            doc.offsets.to_byte(range.start),
            doc.offsets.to_byte(range.end),
        );
        Some((doc.text.get(a..b)?, range))
    }

    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        workspace: &Workspace,
        selected: Option<FieldPath>,
        hovered: Option<FieldPath>,
        settings: &Settings,
    ) -> Vec<Command> {
        let mut out = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            let Some(index) = workspace.current else {
                ui.centered_and_justified(|ui| {
                    ui.weak("Open a folder of articles (Ctrl+O), or drop one on the window.");
                });
                return;
            };
            let Some(doc) = workspace.docs.get(index) else {
                return;
            };
            ui.horizontal(|ui| {
                ui.strong(&doc.name);
                // While comparing, the colours are A's and B's (the compare
                // panel has their legend), not the families'.
                if self.compare_marks.is_none() {
                    legend_ui(ui);
                }
            });
            match &doc.state {
                DocState::Loading | DocState::Parked(_) => {
                    ui.horizontal(|ui| {
                        ui.add(egui::Spinner::new());
                        ui.label("Reading…");
                    });
                }
                DocState::Failed(e) => {
                    ui.colored_label(ui.visuals().error_fg_color, format!("⚠ {e}"));
                }
                DocState::Ready(loaded) => {
                    for notice in &loaded.notices {
                        ui.colored_label(ui.visuals().warn_fg_color, format!("⚠ {notice}"));
                    }
                    ui.separator();
                    out = self.text_ui(ui, index, loaded, selected, hovered, settings);
                }
            }
        });
        out
    }

    fn text_ui(
        &mut self,
        ui: &mut egui::Ui,
        index: usize,
        doc: &LoadedDoc,
        selected: Option<FieldPath>,
        hovered: Option<FieldPath>,
        settings: &Settings,
    ) -> Vec<Command> {
        let mut out = Vec::new();
        let span_key = SpanKey {
            doc: index,
            revision: doc.revision,
            selected,
            hovered,
            marks: self.compare_marks.clone(),
        };
        let spans = self.spans_for(span_key.clone(), doc);
        let dark = ui.visuals().dark_mode;
        let text_color = ui.visuals().text_color();
        let font_size = settings.font_size;
        let text_id = self.text_id();
        let scroll_target = self
            .scroll_target(index, doc, selected)
            .or_else(|| self.marks_scroll_target());
        let galley_cache = &mut self.galley;
        let mut layouter = |ui: &egui::Ui, _buf: &dyn egui::TextBuffer, wrap_width: f32| {
            let key = GalleyKey {
                spans: span_key.clone(),
                wrap_width: wrap_width.round() as u32,
                font_size: (font_size * 10.0) as u32,
                dark,
            };
            if let Some((k, galley)) = galley_cache.as_ref()
                && *k == key
            {
                return galley.clone();
            }
            let job = highlighted_job(doc, &spans, font_size, text_color, dark, wrap_width);
            let galley = ui.fonts_mut(|f| f.layout_job(job));
            *galley_cache = Some((key, galley.clone()));
            galley
        };

        keep_typing_from_the_article(ui, text_id);
        // A right-click opens the context menu; the text box would move its
        // cursor to the click first and lose the selection the menu acts on.
        let kept_selection = ui
            .input(|i| i.pointer.button_pressed(egui::PointerButton::Secondary))
            .then(|| egui::text_edit::TextEditState::load(ui.ctx(), text_id))
            .flatten();

        let mut text: &str = &doc.text;
        let output = egui::ScrollArea::vertical()
            .id_salt(("article-scroll", index))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let output = egui::TextEdit::multiline(&mut text)
                    .id(text_id)
                    .desired_width(f32::INFINITY)
                    .frame(egui::Frame::NONE)
                    .layouter(&mut layouter)
                    .show(ui);
                if let Some(range) = &scroll_target {
                    let a = output
                        .galley
                        .pos_from_cursor(egui::text::CCursor::new(range.start));
                    let b = output
                        .galley
                        .pos_from_cursor(egui::text::CCursor::new(range.end));
                    let rect = a.union(b).translate(output.galley_pos.to_vec2());
                    ui.scroll_to_rect(rect.expand(24.0), Some(egui::Align::Center));
                }
                output
            })
            .inner;

        self.drawn = Some((output.galley_pos, output.galley.clone()));
        self.take_pointer(ui, &output, kept_selection, &spans, selected, &mut out);
        let has_selection = self.selection.is_some();
        output.response.context_menu(|ui| {
            context_menu_ui(ui, has_selection, selected, &mut out);
        });
        out
    }

    /// Where to scroll: the selected field's evidence, when the selection
    /// changed from anywhere but a click in the text itself.
    fn scroll_target(
        &mut self,
        index: usize,
        doc: &LoadedDoc,
        selected: Option<FieldPath>,
    ) -> Option<std::ops::Range<usize>> {
        if self.scrolled_for == Some((index, selected)) {
            return None;
        }
        if self.scrolled_for.map(|s| s.0) != Some(index) {
            self.selection = None;
        }
        self.scrolled_for = Some((index, selected));
        match selected {
            Some(p) if self.clicked_field.take() != Some(p) => evidence_extent(&doc.record, p),
            _ => None,
        }
    }

    /// Where to scroll for the compare view: its marks, when they change.
    fn marks_scroll_target(&mut self) -> Option<std::ops::Range<usize>> {
        if self.scrolled_marks == self.compare_marks {
            return None;
        }
        self.scrolled_marks = self.compare_marks.clone();
        let marks = self.compare_marks.as_ref()?;
        let all = marks.a.iter().chain(&marks.b);
        let start = all.clone().map(|s| s.start()).min()?;
        let end = all.map(|s| s.end()).max()?;
        Some(start..end)
    }

    /// The text selection, a click on highlighted text (selecting the field
    /// it supports) and the hover naming the fields under the pointer.
    fn take_pointer(
        &mut self,
        ui: &egui::Ui,
        output: &egui::text_edit::TextEditOutput,
        kept_selection: Option<egui::text_edit::TextEditState>,
        spans: &[HighlightSpan],
        selected: Option<FieldPath>,
        out: &mut Vec<Command>,
    ) {
        let text_id = self.text_id();
        let cursor_range = match kept_selection {
            Some(state) => {
                let range = state.cursor.char_range();
                state.store(ui.ctx(), text_id);
                range
            }
            None => output.cursor_range,
        };
        // The selection, in code points (egui's cursor indices are chars).
        if let Some(range) = cursor_range {
            let [a, b] = range.sorted_cursors();
            let (a, b) = (a.index.0, b.index.0);
            self.selection = (a < b).then_some(a..b);
            if output.response.clicked() && a == b {
                let fields = fields_at(spans, a);
                if !fields.is_empty() {
                    // Clicking again cycles through the fields stacked here.
                    let next = match selected.and_then(|s| fields.iter().position(|f| *f == s)) {
                        Some(i) => fields[(i + 1) % fields.len()],
                        None => fields[0],
                    };
                    self.clicked_field = Some(next);
                    out.push(Command::SelectField(Some(next)));
                }
            }
        }
        if let Some(hover) = output.response.hover_pos() {
            let local = hover - output.galley_pos;
            let at = output.galley.cursor_from_pos(local).index.0;
            let fields = fields_at(spans, at);
            if !fields.is_empty() {
                let names: Vec<String> = fields.iter().map(|f| f.label()).collect();
                output
                    .response
                    .response
                    .clone()
                    .on_hover_text_at_pointer(format!(
                        "Evidence of {}. Click to select.",
                        names.join(", ")
                    ));
            }
        }
    }
}

/// The article is read-only, so while it has the keyboard a typed letter is
/// a command key (E, F, P…). Text, paste, cut and the editing keys would
/// reach the text box after the command was read and collapse the selection
/// it acts on, so they are taken out of this frame's input.
fn keep_typing_from_the_article(ui: &egui::Ui, text_id: egui::Id) {
    if !ui.memory(|m| m.has_focus(text_id)) {
        return;
    }
    ui.input_mut(|input| {
        input.events.retain(|event| {
            !matches!(
                event,
                egui::Event::Text(_)
                    | egui::Event::Paste(_)
                    | egui::Event::Cut
                    | egui::Event::Key {
                        key: egui::Key::Backspace
                            | egui::Key::Delete
                            | egui::Key::Enter
                            | egui::Key::Tab,
                        ..
                    }
            )
        });
    });
}

fn context_menu_ui(
    ui: &mut egui::Ui,
    has_selection: bool,
    selected: Option<FieldPath>,
    out: &mut Vec<Command>,
) {
    if !has_selection {
        ui.label("Select some text first");
        return;
    }
    let target = selected
        .map(|p| p.label())
        .unwrap_or_else(|| "the selected field".into());
    if ui
        .add_enabled(
            selected.is_some(),
            egui::Button::new(format!("Use as evidence of {target}")).shortcut_text("E"),
        )
        .clicked()
    {
        out.push(Command::EvidenceFromSelection { add: false });
        ui.close();
    }
    if ui
        .add_enabled(
            selected.is_some(),
            egui::Button::new(format!("Add to evidence of {target}")).shortcut_text("Shift+E"),
        )
        .clicked()
    {
        out.push(Command::EvidenceFromSelection { add: true });
        ui.close();
    }
    ui.separator();
    for (kind, key) in [
        (ItemKind::Inspection, "I"),
        (ItemKind::Finding, "F"),
        (ItemKind::Person, "P"),
        (ItemKind::Quote, "Q"),
        (ItemKind::Figure, "G"),
    ] {
        if ui
            .add(
                egui::Button::new(format!("New {} from selection", kind.label()))
                    .shortcut_text(key),
            )
            .clicked()
        {
            out.push(Command::NewItemFromSelection(kind));
            ui.close();
        }
    }
}

/// The article text as a layout job, highlight spans as backgrounds.
fn highlighted_job(
    doc: &LoadedDoc,
    spans: &[HighlightSpan],
    font_size: f32,
    text_color: Color32,
    dark: bool,
    wrap_width: f32,
) -> LayoutJob {
    let font_id = FontId::proportional(font_size);
    let plain = TextFormat {
        font_id: font_id.clone(),
        color: text_color,
        line_height: Some((font_size * 1.5).round()),
        ..Default::default()
    };
    let mut sections = Vec::with_capacity(spans.len() * 2 + 1);
    let mut at = 0usize;
    let len = doc.text.len();
    for s in spans {
        let (a, b) = (
            doc.offsets.to_byte(s.range.start),
            doc.offsets.to_byte(s.range.end),
        );
        if a > at {
            sections.push(LayoutSection {
                leading_space: 0.0,
                byte_range: ByteIndex(at)..ByteIndex(a),
                format: plain.clone(),
            });
        }
        let mut format = plain.clone();
        format.background = palette::family_fill(s.family, dark, s.emphasis);
        if s.emphasis {
            format.underline = egui::Stroke::new(1.5, palette::family_solid(s.family, dark));
        }
        sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(a)..ByteIndex(b),
            format,
        });
        at = b;
    }
    if at < len {
        sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(at)..ByteIndex(len),
            format: plain,
        });
    }
    let mut job = LayoutJob {
        text: doc.text.to_string(),
        sections,
        ..Default::default()
    };
    job.wrap.max_width = wrap_width;
    job
}

fn legend_ui(ui: &mut egui::Ui) {
    let dark = ui.visuals().dark_mode;
    ui.add_space(12.0);
    for family in Family::ALL {
        let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
        ui.painter()
            .rect_filled(rect, 2.0, palette::family_fill(family, dark, true));
        ui.label(egui::RichText::new(family.label()).small());
    }
}
