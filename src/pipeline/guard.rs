//! The one place a bug in the extractor is contained: a panic while
//! extracting an article becomes an error naming the file, and the run goes
//! on with the next article.

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    /// Set while this thread runs guarded code: its panics are caught and
    /// described in the error, not printed.
    static GUARDED: Cell<bool> = const { Cell::new(false) };
    /// What the last guarded panic on this thread said, and where.
    static CAUGHT: RefCell<Option<String>> = const { RefCell::new(None) };
}

static INSTALL_HOOK: Once = Once::new();

/// Puts a panic hook in front of the existing one that keeps quiet about
/// guarded panics (their message goes into the error instead) and passes
/// every other panic on.
fn install_hook() {
    INSTALL_HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if GUARDED.with(Cell::get) {
                let message = info
                    .payload()
                    .downcast_ref::<&str>()
                    .map(|s| (*s).to_string())
                    .or_else(|| info.payload().downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "no message".to_string());
                let described = match info.location() {
                    Some(at) => format!("{message}, at {}:{}", at.file(), at.line()),
                    None => message,
                };
                CAUGHT.with(|c| *c.borrow_mut() = Some(described));
            } else {
                previous(info);
            }
        }));
    });
}

/// Runs `f`; if it panics, returns what the panic said and where.
pub fn catch_panic<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    let was_guarded = GUARDED.with(|g| g.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    GUARDED.with(|g| g.set(was_guarded));
    result.map_err(|_| {
        CAUGHT
            .with(|c| c.borrow_mut().take())
            .unwrap_or_else(|| "no message".to_string())
    })
}

/// The environment variable that, in debug builds only, makes the
/// extractor panic on the article of that file name, so that tests can
/// check a panic is contained. Release builds do not have it.
pub const PANIC_ON_VAR: &str = "OFSTED_CURATOR_TEST_PANIC_ON";

/// In debug builds, panics if the tests asked for a panic on `file_name`.
#[cfg(debug_assertions)]
pub fn panic_if_asked(file_name: &str) {
    static ASKED: std::sync::OnceLock<Option<std::ffi::OsString>> = std::sync::OnceLock::new();
    let asked = ASKED.get_or_init(|| std::env::var_os(PANIC_ON_VAR));
    if asked.as_deref() == Some(std::ffi::OsStr::new(file_name)) {
        panic!("deliberate panic on {file_name} ({PANIC_ON_VAR} is set)");
    }
}

/// Release builds never panic on purpose.
#[cfg(not(debug_assertions))]
pub fn panic_if_asked(_file_name: &str) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_is_caught_with_its_message_and_place() {
        let caught = catch_panic(|| -> u32 { panic!("index 7 out of range") });
        let message = caught.expect_err("caught");
        assert!(message.contains("index 7 out of range"), "{message}");
        assert!(message.contains("guard.rs:"), "{message}");
        assert_eq!(catch_panic(|| 5), Ok(5));
    }

    #[test]
    fn a_formatted_panic_message_is_kept() {
        let n = 3;
        let message = catch_panic(|| panic!("bad span {n}")).expect_err("caught");
        assert!(message.starts_with("bad span 3"), "{message}");
    }
}
