//! Helpers shared by the app's kittest tests: building the app on a folder
//! and stepping frames while the workers run on other threads.

use egui::{
    Event, Key, Modifiers, PointerButton, Pos2, ViewportCommand, ViewportEvent, ViewportId,
};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ofsted_curator::app::CuratorApp;
use ofsted_curator::app::settings::Settings;
use ofsted_curator::app::workspace::DocState;
use std::path::{Path, PathBuf};

/// Frames to step (5 ms apart) before a wait gives up.
const MAX_STEPS: usize = 2000;

/// Settings of a curator who has already given a name.
pub fn settings() -> Settings {
    Settings {
        curator: "Test Curator".into(),
        asked_name: true,
        ..Settings::default()
    }
}

/// The app opened on `folder`, with every article loaded.
pub fn harness(folder: &Path) -> Harness<'static, CuratorApp> {
    harness_with_drafts(folder, None)
}

/// The app opened on `folder`, keeping drafts in `drafts` when given, with
/// every article loaded.
pub fn harness_with_drafts(folder: &Path, drafts: Option<PathBuf>) -> Harness<'static, CuratorApp> {
    build(folder, settings(), drafts)
}

/// The app opened on `folder` with `settings` (a first run has
/// `Settings::default()`), with every article loaded.
pub fn harness_with_settings(folder: &Path, settings: Settings) -> Harness<'static, CuratorApp> {
    build(folder, settings, None)
}

fn build(
    folder: &Path,
    settings: Settings,
    drafts: Option<PathBuf>,
) -> Harness<'static, CuratorApp> {
    let folder = folder.to_path_buf();
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |cc| {
            let app = CuratorApp::new(&cc.egui_ctx, settings, vec![folder]);
            match drafts {
                Some(dir) => app.with_drafts_dir(dir),
                None => app,
            }
        });
    wait_until(&mut harness, "articles loaded", |app| {
        !app.workspace.docs.is_empty() && all_loaded(app)
    });
    harness
}

/// Steps frames until `done` holds, then one more so that the result is
/// drawn; panics naming `what` otherwise.
pub fn wait_until(
    harness: &mut Harness<'_, CuratorApp>,
    what: &str,
    done: impl Fn(&CuratorApp) -> bool,
) {
    for _ in 0..MAX_STEPS {
        harness.step();
        if done(harness.state()) {
            harness.step();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("gave up waiting for: {what}");
}

/// The loader has finished and no article is still loading.
pub fn all_loaded(app: &CuratorApp) -> bool {
    app.is_idle()
        && app
            .workspace
            .docs
            .iter()
            .all(|d| !matches!(d.state, DocState::Loading))
}

/// Presses `key` as a real keyboard does, in one frame: the key goes down,
/// the text it types arrives (a printable key without Ctrl, Cmd or Alt),
/// and the key comes up. Kittest's `key_press` sends only the key, which
/// hides bugs where a text field takes the letter first.
pub fn press_key(harness: &mut Harness<'_, CuratorApp>, modifiers: Modifiers, key: Key) {
    let event = |pressed| Event::Key {
        key,
        physical_key: Some(key),
        pressed,
        repeat: false,
        modifiers,
    };
    harness.event_modifiers(event(true), modifiers);
    if let Some(text) = typed_text(key, modifiers) {
        harness.event_modifiers(Event::Text(text), modifiers);
    }
    harness.event_modifiers(event(false), modifiers);
    harness.step();
}

/// The text a key types on a UK keyboard, if any.
fn typed_text(key: Key, modifiers: Modifiers) -> Option<String> {
    if modifiers.ctrl || modifiers.command || modifiers.alt || modifiers.mac_cmd {
        return None;
    }
    if key == Key::Space {
        return Some(" ".into());
    }
    // Letters and digits are named by their character; punctuation keys
    // ("Slash", "Period") by their symbol.
    let symbol = key.symbol_or_name();
    let name = if symbol.len() == 1 && symbol.bytes().all(|b| b.is_ascii_punctuation()) {
        symbol
    } else {
        key.name()
    };
    let mut chars = name.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return None; // Enter, Tab, arrows, F1…: no text
    };
    Some(if modifiers.shift {
        c.to_ascii_uppercase().to_string()
    } else {
        c.to_ascii_lowercase().to_string()
    })
}

/// Types `text` character by character as key presses with their text
/// events, as a real keyboard does.
pub fn type_text(harness: &mut Harness<'_, CuratorApp>, text: &str) {
    for c in text.chars() {
        let shift = c.is_ascii_uppercase();
        let modifiers = if shift {
            Modifiers::SHIFT
        } else {
            Modifiers::NONE
        };
        match Key::from_name(&c.to_ascii_uppercase().to_string()) {
            Some(key) => press_key(harness, modifiers, key),
            None => {
                harness.event(Event::Text(c.to_string()));
                harness.step();
            }
        }
    }
}

/// Drags the primary button from `from` to `to` over a few frames, as a
/// mouse selecting text does.
pub fn drag(harness: &mut Harness<'_, CuratorApp>, from: Pos2, to: Pos2) {
    let button = |pos, pressed| Event::PointerButton {
        pos,
        button: PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    harness.event(Event::PointerMoved(from));
    harness.step();
    harness.event(button(from, true));
    harness.step();
    for t in [0.25, 0.5, 0.75, 1.0] {
        harness.event(Event::PointerMoved(from.lerp(to, t)));
        harness.step();
    }
    harness.event(button(to, false));
    harness.step();
}

/// Selects characters `range` (code points) of the article text with a
/// mouse drag across them.
pub fn drag_over(harness: &mut Harness<'_, CuratorApp>, range: std::ops::Range<usize>) {
    let at = |i| {
        harness
            .state()
            .source_char_pos(i)
            .unwrap_or_else(|| panic!("character {i} of the article is not drawn"))
    };
    let (from, to) = (at(range.start), at(range.end));
    drag(harness, from, to);
    assert_eq!(
        harness.state().source_selection(),
        Some(range),
        "the drag selected the words"
    );
}

/// Clicks `button` at `pos`: move, press, release, as a real mouse does.
pub fn click_at(harness: &mut Harness<'_, CuratorApp>, pos: Pos2, button: PointerButton) {
    let press = |pressed| Event::PointerButton {
        pos,
        button,
        pressed,
        modifiers: Modifiers::NONE,
    };
    harness.event(Event::PointerMoved(pos));
    harness.step();
    harness.event(press(true));
    harness.step();
    harness.event(press(false));
    harness.step();
}

/// Clicks the window's close button: the window system's close request
/// reaches the app in one frame. True when the window would close (the app
/// did not cancel the close in that frame).
pub fn click_close_button(harness: &mut Harness<'_, CuratorApp>) -> bool {
    harness
        .input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    harness.step();
    !sent_viewport_command(harness, &ViewportCommand::CancelClose)
}

/// The app sent `command` to its window in the last frame.
pub fn sent_viewport_command(harness: &Harness<'_, CuratorApp>, command: &ViewportCommand) -> bool {
    harness
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(command))
}

/// Steps frames until the app closes its window (sends
/// `ViewportCommand::Close`); panics naming `what` if it never does.
pub fn wait_for_close(harness: &mut Harness<'_, CuratorApp>, what: &str) {
    for _ in 0..MAX_STEPS {
        harness.step();
        if sent_viewport_command(harness, &ViewportCommand::Close) {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("the window never closed: {what}");
}

/// Steps frames until a widget whose label contains `label` is on screen,
/// then two more (a modal window re-centres itself as its content grows,
/// and a click aims at where a widget is drawn); panics naming it otherwise.
pub fn wait_for_label(harness: &mut Harness<'_, CuratorApp>, label: &str) {
    for _ in 0..MAX_STEPS {
        harness.step();
        if harness.query_by_label_contains(label).is_some() {
            harness.step();
            harness.step();
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    panic!("gave up waiting for {label:?} on screen");
}
