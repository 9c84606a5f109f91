//! The desktop app: a thin egui layer over the core.

use std::path::PathBuf;

/// Opens the desktop app on `paths`, or on the bundled samples when empty.
pub fn run(paths: Vec<PathBuf>) -> anyhow::Result<()> {
    let _ = paths;
    anyhow::bail!("the desktop app is not built yet")
}
