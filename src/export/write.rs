//! Writing an export file atomically: a temporary file beside the target,
//! flushed, then moved into place. Without `overwrite` the move is a hard
//! link, which fails if the target appeared in the meantime, so an existing
//! file is never replaced.

use super::ExportError;
use crate::store::create_temp_file;
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` so that the file is either absent (or the old
/// file) or complete. An existing `path` is replaced only with `overwrite`.
pub fn write_output(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), ExportError> {
    let write_error = |source| ExportError::Write {
        path: path.to_path_buf(),
        source,
    };
    let exists = || ExportError::Exists {
        path: path.to_path_buf(),
    };
    if !overwrite && path.symlink_metadata().is_ok() {
        return Err(exists());
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let (temp, mut file) = create_temp_file(folder, path).map_err(write_error)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    if let Err(source) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(write_error(source));
    }
    let placed = if overwrite {
        std::fs::rename(&temp, path).map_err(write_error)
    } else {
        match std::fs::hard_link(&temp, path) {
            Ok(()) => {
                let _ = std::fs::remove_file(&temp);
                Ok(())
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(exists()),
            // File systems without hard links: check, then rename.
            Err(_) if path.symlink_metadata().is_err() => {
                std::fs::rename(&temp, path).map_err(write_error)
            }
            Err(_) => Err(exists()),
        }
    };
    if placed.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    placed
}
