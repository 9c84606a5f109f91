//! Helpers shared by the app's kittest tests: building the app on a folder
//! and stepping frames while the workers run on other threads.

use egui_kittest::Harness;
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
    let folder = folder.to_path_buf();
    let mut harness = Harness::builder()
        .with_size([1400.0, 900.0])
        .build_eframe(move |cc| {
            let app = CuratorApp::new(&cc.egui_ctx, settings(), vec![folder]);
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
