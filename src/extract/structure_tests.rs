//! The extractor's modules import each other without a circle, no file of
//! `src/` outgrows 600 lines, no function of the extractor 80, and no rule
//! counts out a long repetition of a Unicode class.

use regex::Regex;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("source folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file before its test module.
fn code_of(path: &Path) -> String {
    let text = std::fs::read_to_string(path).expect("source file");
    match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

#[test]
fn extract_modules_import_each_other_without_a_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/extract");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let module_of = |path: &Path| {
        let rel = path.strip_prefix(&root).expect("inside src/extract");
        let first = rel.components().next().expect("a component");
        first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string()
    };
    let modules: BTreeSet<String> = files.iter().map(|p| module_of(p)).collect();
    let top_level = Regex::new(r"(?:\bsuper|crate::extract)::(\w+)").expect("regex");
    let nested = Regex::new(r"(?:super::super|crate::extract)::(\w+)").expect("regex");
    let top_group = Regex::new(r"(?:\bsuper|crate::extract)::\{([^}]*)\}").expect("regex");
    let nested_group = Regex::new(r"(?:super::super|crate::extract)::\{([^}]*)\}").expect("regex");
    let mut imports: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in &files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        if name.as_deref().is_some_and(|n| n.ends_with("tests.rs")) {
            continue;
        }
        let module = module_of(path);
        let is_top = path.parent() == Some(root.as_path());
        let pattern = if is_top { &top_level } else { &nested };
        let code = code_of(path);
        let group = if is_top { &top_group } else { &nested_group };
        let mut used: Vec<String> = pattern
            .captures_iter(&code)
            .map(|c| c[1].to_string())
            .collect();
        for c in group.captures_iter(&code) {
            used.extend(c[1].split(',').filter_map(|item| {
                let first = item.trim().split("::").next()?;
                Some(first.trim().to_string())
            }));
        }
        for used in used {
            // `Doc` is re-exported by the extractor's root from `doc`.
            let used = if used == "Doc" {
                "doc".to_string()
            } else {
                used
            };
            if used != module && modules.contains(&used) {
                imports.entry(module.clone()).or_default().insert(used);
            }
        }
    }
    // Depth-first search for a path back to where it started.
    fn circle(
        at: &str,
        imports: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|m| m == at) {
            let mut found = path[i..].to_vec();
            found.push(at.to_string());
            return Some(found);
        }
        path.push(at.to_string());
        for next in imports.get(at).into_iter().flatten() {
            if let Some(found) = circle(next, imports, path) {
                return Some(found);
            }
        }
        path.pop();
        None
    }
    for module in &modules {
        let found = circle(module, &imports, &mut Vec::new());
        assert!(found.is_none(), "import circle: {found:?}");
    }
    assert!(
        imports.get("runner").is_some_and(|i| i.len() > 5),
        "{imports:?}"
    );
}

#[test]
fn no_source_file_passes_600_lines() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let long: Vec<String> = files
        .iter()
        .filter_map(|p| {
            let lines = std::fs::read_to_string(p).ok()?.lines().count();
            (lines > 600).then(|| format!("{}: {lines}", p.display()))
        })
        .collect();
    assert!(long.is_empty(), "{long:?}");
}

/// The functions of a formatted source file longer than `limit` lines,
/// from the `fn` line to the closing brace at the same indentation.
fn functions_longer_than(text: &str, limit: usize) -> Vec<(String, usize)> {
    let fn_line =
        Regex::new(r"^(\s*)(?:pub(?:\([^)]*\))?\s+)?(?:const\s+)?fn\s+(\w+)").expect("regex");
    let lines: Vec<&str> = text.lines().collect();
    let mut long = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(c) = fn_line.captures(line) else {
            continue;
        };
        if line.trim_end().ends_with(';') {
            continue;
        }
        let closing = format!("{}}}", &c[1]);
        let end = lines[i..].iter().position(|l| *l == closing);
        if let Some(len) = end.map(|e| e + 1).filter(|&len| len > limit) {
            long.push((c[2].to_string(), len));
        }
    }
    long
}

#[test]
fn no_function_of_the_extractor_passes_80_lines() {
    let long_one = format!("fn long() {{\n{}}}\n", "    x();\n".repeat(80));
    assert_eq!(
        functions_longer_than(&long_one, 80),
        [("long".to_string(), 82)]
    );
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/extract"),
        &mut files,
    );
    let long: Vec<String> = files
        .iter()
        .flat_map(|p| {
            let text = std::fs::read_to_string(p).expect("source file");
            functions_longer_than(&text, 80)
                .into_iter()
                .map(move |(name, len)| format!("{}: {name} ({len} lines)", p.display()))
        })
        .collect();
    assert!(long.is_empty(), "{long:?}");
}

/// A Unicode word or digit class repeated a counted number of times
/// multiplies its automaton (`\w` alone is hundreds of states): one such
/// rule, `[\w\s,'’&-]{1,60}?`, once made the lazy DFA give up and cost a
/// third of every article's time. A lazy repetition inside a window the
/// code bounds does the same work.
#[test]
fn no_rule_counts_out_a_long_repetition_of_a_unicode_class() {
    const LONGEST: u32 = 8;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/extract");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let counted = Regex::new(r"(?:\\[wWd]|\\p\{\w+\}|\[[^\]\n]*\\[wWd][^\]\n]*\])\{\d*,(\d+)\}")
        .expect("regex");
    let mut long = Vec::new();
    let is_tests = |p: &Path| p.to_string_lossy().ends_with("tests.rs");
    for path in files.iter().filter(|p| !is_tests(p)) {
        for c in counted.captures_iter(&code_of(path)) {
            if c[1].parse::<u32>().is_ok_and(|n| n > LONGEST) {
                long.push(format!("{}: {}", path.display(), &c[0]));
            }
        }
    }
    assert!(
        long.is_empty(),
        "counted repetitions of a Unicode class: {long:#?}"
    );
    // The rule that did it, as it was, is caught.
    assert!(counted.is_match(r"(?:\s+for\s+[\w\s,'’&-]{1,60}?)?"));
}
