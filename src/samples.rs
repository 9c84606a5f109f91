//! The sample articles bundled in the binary, and installing them into the
//! user's data folder so that edits to them are saved and never lost.

use std::io;
use std::path::{Path, PathBuf};

include!(concat!(env!("OUT_DIR"), "/bundled_samples.rs"));

/// The bundled sample articles as (file name, bytes).
pub fn bundled() -> &'static [(&'static str, &'static [u8])] {
    BUNDLED
}

/// The folder the samples are copied to: the user's data folder + `/samples`.
pub fn default_samples_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "ofsted-curator", "ofsted-curator")
        .map(|dirs| dirs.data_dir().join("samples"))
}

/// An error installing the samples, naming the file.
#[derive(Debug, thiserror::Error)]
#[error("{path}: cannot install sample: {source}")]
pub struct InstallError {
    pub path: PathBuf,
    pub source: io::Error,
}

/// Copies `samples` into `dir`, creating it, and never overwriting a file
/// that is already there (it may hold a curator's edits). Returns `dir`.
pub fn install_samples(dir: &Path, samples: &[(&str, &[u8])]) -> Result<PathBuf, InstallError> {
    std::fs::create_dir_all(dir).map_err(|source| InstallError {
        path: dir.to_path_buf(),
        source,
    })?;
    for (name, bytes) in samples {
        let path = dir.join(name);
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path);
        match file {
            Ok(mut f) => {
                use std::io::Write as _;
                f.write_all(bytes)
                    .map_err(|source| InstallError { path, source })?;
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(source) => return Err(InstallError { path, source }),
        }
    }
    Ok(dir.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn install_copies_samples_and_keeps_existing_files() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let dir = tmp.path().join("samples");
        let samples: &[(&str, &[u8])] = &[("a.txt", b"first"), ("b.txt", b"second")];
        install_samples(&dir, samples).expect("install");
        assert_eq!(std::fs::read(dir.join("a.txt")).expect("read"), b"first");

        std::fs::write(dir.join("a.txt"), b"edited by a curator").expect("write");
        install_samples(&dir, samples).expect("install again");
        assert_eq!(
            std::fs::read(dir.join("a.txt")).expect("read"),
            b"edited by a curator"
        );
        assert_eq!(std::fs::read(dir.join("b.txt")).expect("read"), b"second");
    }

    #[test]
    fn bundled_samples_are_articles_only() {
        for (name, _) in bundled() {
            assert!(!name.to_ascii_lowercase().starts_with("readme"), "{name}");
            assert!(crate::discover::is_article_path(Path::new(name)), "{name}");
        }
    }
}
