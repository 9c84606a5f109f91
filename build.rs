//! Embeds the bundled sample articles (`assets/samples/*`, without the
//! `gold/` folder and the README) so that the app opens on them from any
//! folder. The list is generated because the sample set grows over time.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let dir = Path::new(&manifest).join("assets").join("samples");
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-changed=build.rs");

    let mut names: Vec<(String, String)> = Vec::new();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_ascii_lowercase)
                .unwrap_or_default();
            let is_article = matches!(ext.as_str(), "txt" | "md" | "html" | "htm");
            if !path.is_file() || name.starts_with('.') || !is_article {
                continue;
            }
            if name.to_ascii_lowercase().starts_with("readme") {
                continue;
            }
            names.push((name.to_string(), path.display().to_string()));
        }
    }
    names.sort();

    let mut out = String::from(
        "/// Bundled sample articles: (file name, bytes).\n\
         pub static BUNDLED: &[(&str, &[u8])] = &[\n",
    );
    for (name, path) in &names {
        let _ = writeln!(out, "    ({name:?}, include_bytes!({path:?})),");
    }
    out.push_str("];\n");

    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    let target = Path::new(&out_dir).join("bundled_samples.rs");
    if let Err(e) = std::fs::write(&target, out) {
        panic!("cannot write {}: {e}", target.display());
    }
}
