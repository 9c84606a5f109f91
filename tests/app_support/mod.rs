//! Helpers shared by the app's kittest tests: stepping frames while the
//! workers run on other threads.

#![allow(dead_code)] // each test binary uses a different subset

use egui_kittest::Harness;
use ofsted_curator::app::CuratorApp;
use ofsted_curator::app::workspace::DocState;

/// Steps frames (at most `max_steps`, 5 ms apart) until `done` holds, then
/// one more so that the result is drawn; panics naming `what` otherwise.
pub fn step_until(
    harness: &mut Harness<'_, CuratorApp>,
    what: &str,
    max_steps: usize,
    done: impl Fn(&CuratorApp) -> bool,
) {
    for _ in 0..max_steps {
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
