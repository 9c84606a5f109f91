//! A corpus of hostile and awkward input, written into a temporary folder:
//! every case of "never crash on a file" with what the user should be told
//! about it. Used by `hostile_input.rs` to run the command line and the
//! app's loader over it.

use ofsted_curator::model::{Field, Origin, Record, Source, Span, Status};
use ofsted_curator::store::{record_to_json, sidecar_path};
use ofsted_curator::text::text_sha256;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// An article about an inspection, written for these tests.
pub const PROSE: &str = "\
Ofsted rates Kent children's services inadequate

Children's services at Kent County Council have been rated inadequate by \
Ofsted following a full inspection in March 2019.

\"We accept the findings,\" said the director of children's services.
";

/// What should happen to an article file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// Read; if `Some`, a notice mentioning this is shown.
    Loads(Option<&'static str>),
    /// Refused with a message naming the file and containing this.
    Refused(&'static str),
}

/// One awkward article file (or special file named like one).
#[derive(Debug, Clone)]
pub struct ArticleCase {
    pub path: PathBuf,
    pub expect: Expect,
}

/// What is wrong with an existing sidecar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidecarProblem {
    NotJson,
    Truncated,
    NewerVersion,
    UnknownFields,
    SpanOutOfBounds,
    /// Offsets counted in UTF-8 bytes (past the end in code points, and in
    /// the middle of a multi-byte character if read as bytes).
    ByteOffsets,
    WrongHash,
    ForeignPath,
    /// A sound record a person has reviewed.
    Curated,
}

impl SidecarProblem {
    pub const ALL: [SidecarProblem; 9] = [
        SidecarProblem::NotJson,
        SidecarProblem::Truncated,
        SidecarProblem::NewerVersion,
        SidecarProblem::UnknownFields,
        SidecarProblem::SpanOutOfBounds,
        SidecarProblem::ByteOffsets,
        SidecarProblem::WrongHash,
        SidecarProblem::ForeignPath,
        SidecarProblem::Curated,
    ];

    fn file_stem(self) -> &'static str {
        match self {
            SidecarProblem::NotJson => "sc_not_json",
            SidecarProblem::Truncated => "sc_truncated",
            SidecarProblem::NewerVersion => "sc_newer_version",
            SidecarProblem::UnknownFields => "sc_unknown_fields",
            SidecarProblem::SpanOutOfBounds => "sc_span_out_of_bounds",
            SidecarProblem::ByteOffsets => "sc_byte_offsets",
            SidecarProblem::WrongHash => "sc_wrong_hash",
            SidecarProblem::ForeignPath => "sc_foreign_path",
            SidecarProblem::Curated => "sc_curated",
        }
    }

    /// The record cannot be read at all by this version.
    pub fn is_unreadable(self) -> bool {
        matches!(
            self,
            SidecarProblem::NotJson | SidecarProblem::Truncated | SidecarProblem::NewerVersion
        )
    }

    /// What the app must say about it (besides the file's name).
    pub fn app_message(self) -> &'static str {
        match self {
            SidecarProblem::NotJson | SidecarProblem::Truncated => "line",
            SidecarProblem::NewerVersion => "ofsted-article/9",
            SidecarProblem::UnknownFields => "unknown field",
            SidecarProblem::SpanOutOfBounds | SidecarProblem::ByteOffsets => "evidence",
            SidecarProblem::WrongHash => "different version of this text",
            SidecarProblem::ForeignPath => "source.path",
            SidecarProblem::Curated => "",
        }
    }
}

#[derive(Debug, Clone)]
pub struct SidecarCase {
    pub article: PathBuf,
    pub sidecar: PathBuf,
    pub problem: SidecarProblem,
}

/// The corpus on disk and what each file should give.
pub struct Corpus {
    _dir: tempfile::TempDir,
    pub root: PathBuf,
    pub articles: Vec<ArticleCase>,
    pub sidecars: Vec<SidecarCase>,
    /// Paths that are not articles but must be reported (dangling links).
    pub reported: Vec<(PathBuf, &'static str)>,
    /// The folder holding many small articles.
    pub many: PathBuf,
    pub many_count: usize,
}

/// How many files the "many files" folder holds.
pub const MANY_FILES: usize = 10_000;
/// Of which this many are articles (the rest are data files the walk skips).
pub const MANY_ARTICLES: usize = 200;

fn write(path: &Path, bytes: impl AsRef<[u8]>) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(path, bytes).expect("write file");
}

impl Corpus {
    /// Writes every case into a new temporary folder.
    pub fn generate() -> Corpus {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().to_path_buf();
        let mut corpus = Corpus {
            _dir: dir,
            many: root.join("many"),
            root,
            articles: Vec::new(),
            sidecars: Vec::new(),
            reported: Vec::new(),
            many_count: MANY_ARTICLES,
        };
        corpus.awkward_articles();
        corpus.special_files();
        corpus.broken_sidecars();
        corpus.many_files();
        corpus
    }

    fn article(&mut self, name: &str, bytes: impl AsRef<[u8]>, expect: Expect) {
        let path = self.root.join(name);
        write(&path, bytes);
        self.articles.push(ArticleCase { path, expect });
    }

    fn awkward_articles(&mut self) {
        use Expect::{Loads, Refused};
        self.article("empty.txt", "", Refused("file is empty"));
        self.article(
            "whitespace.txt",
            " \n\t\r\n  \n",
            Refused("only whitespace"),
        );
        let noise: Vec<u8> = (0..4096u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        self.article("binary.txt", &noise, Refused("binary"));
        let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0".to_vec();
        png.extend_from_slice(&noise[..512]);
        self.article("picture.txt", &png, Refused("binary"));
        let mut cp1252 = PROSE.as_bytes().to_vec();
        cp1252.extend_from_slice(b"Caf\xe9 owner \x93quoted\x94 \xa3500.\n");
        self.article("windows1252.txt", &cp1252, Loads(Some("Windows-1252")));
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in PROSE.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        self.article("utf16.txt", &utf16, Loads(None));
        self.article("utf8_bom.txt", format!("\u{feff}{PROSE}"), Loads(None));
        self.article("crlf.txt", PROSE.replace('\n', "\r\n"), Loads(None));
        let line: String = PROSE
            .replace('\n', " ")
            .repeat(1024 * 1024 / PROSE.len() + 1);
        self.article("one_line.txt", &line, Loads(None));
        let marks = format!(
            "\u{200f}\u{202e}{PROSE}\u{202c} e\u{301}\u{301}\u{302} \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} \
             \u{1f3f4}\u{e0067}\u{e0062}\u{e0065}\u{e006e}\u{e0067}\u{e007f} \u{fdfd}\u{5d0}\u{5d1}\n"
        );
        self.article("marks_and_emoji.txt", marks, Loads(None));
        self.article(
            "nul.txt",
            format!("{PROSE}\0\0 more text\0"),
            Refused("NUL"),
        );
        self.article(
            "deep/er/and/deeper/nested.md",
            format!("# Nested\n\n{PROSE}"),
            Loads(None),
        );
        self.article(
            "page.html",
            format!("<html><body><h1>Kent</h1><p>{PROSE}</p><script>x()</script></body></html>"),
            Loads(None),
        );
        // 60 MB, sparse: refused from its size without being read.
        let huge = self.root.join("huge.txt");
        let file = std::fs::File::create(&huge).expect("create");
        file.set_len(60 * 1024 * 1024).expect("set_len");
        self.articles.push(ArticleCase {
            path: huge,
            expect: Refused("--max-size"),
        });
    }

    #[cfg(unix)]
    fn special_files(&mut self) {
        use std::os::unix::fs::symlink;
        let loop_dir = self.root.join("deep/er");
        symlink(&self.root, loop_dir.join("loop_to_root")).expect("symlink");
        symlink(&loop_dir, loop_dir.join("and/loop_up")).expect("symlink");
        let dangling = self.root.join("dangling.txt");
        symlink(self.root.join("nowhere.txt"), &dangling).expect("symlink");
        self.reported.push((dangling, "points to nothing"));
        let fifo = self.root.join("fifo.txt");
        crate::common::make_fifo(&fifo);
        self.articles.push(ArticleCase {
            path: fifo,
            expect: Expect::Refused("FIFO"),
        });
        let unreadable = self.root.join("unreadable.txt");
        make_unreadable(&unreadable);
        self.articles.push(ArticleCase {
            path: unreadable,
            expect: Expect::Refused("cannot read"),
        });
    }

    #[cfg(not(unix))]
    fn special_files(&mut self) {}

    fn broken_sidecars(&mut self) {
        let text = format!("{PROSE}Über café – “quoted” 😀\n");
        for problem in SidecarProblem::ALL {
            let article = self.root.join(format!("{}.txt", problem.file_stem()));
            write(&article, &text);
            let sidecar = sidecar_path(&article, None);
            let name = article
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            write(&sidecar, sidecar_bytes(problem, &text, &name));
            self.articles.push(ArticleCase {
                path: article.clone(),
                expect: Expect::Loads(None),
            });
            self.sidecars.push(SidecarCase {
                article,
                sidecar,
                problem,
            });
        }
    }

    fn many_files(&mut self) {
        std::fs::create_dir_all(&self.many).expect("mkdir");
        for i in 0..MANY_FILES {
            let (name, body) = if i % (MANY_FILES / MANY_ARTICLES) == 0 {
                (
                    format!("{i:05}.txt"),
                    format!("Note {i} on Kent council.\n"),
                )
            } else {
                (format!("{i:05}.dat"), format!("{i}\n"))
            };
            write(&self.many.join(name), body);
        }
    }

    /// Every record file (and backup) under the corpus with its bytes.
    pub fn record_files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut out = BTreeMap::new();
        collect_records(&self.root, &mut out, 0);
        out
    }

    /// The record files that existed before any tool ran, with their bytes.
    pub fn existing_sidecars(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        self.sidecars
            .iter()
            .map(|c| {
                let bytes = std::fs::read(&c.sidecar).expect("read sidecar");
                (c.sidecar.clone(), bytes)
            })
            .collect()
    }
}

/// Walks real folders only (links are not followed), so loops end.
fn collect_records(folder: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>, depth: usize) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() && depth < 16 {
            collect_records(&path, out, depth + 1);
        } else if kind.is_file() && path.to_string_lossy().contains(".curation.json") {
            out.insert(path.clone(), std::fs::read(&path).unwrap_or_default());
        }
    }
}

/// A sound record of `text` with a headline pointing at its first line.
pub fn sound_record(text: &str, name: &str) -> Record {
    let mut record = Record::empty(Source {
        path: name.to_string(),
        text_sha256: text_sha256(text),
        chars: text.chars().count(),
    });
    let first_line = text.lines().next().unwrap_or("");
    record.article.headline = Some(Field::extracted(
        first_line.to_string(),
        vec![Span(0, first_line.chars().count())],
    ));
    record
}

fn sidecar_bytes(problem: SidecarProblem, text: &str, name: &str) -> Vec<u8> {
    let mut record = sound_record(text, name);
    let json = |r: &Record| record_to_json(r).into_bytes();
    match problem {
        SidecarProblem::NotJson => b"this is not JSON at all\n".to_vec(),
        SidecarProblem::Truncated => {
            let full = json(&record);
            full[..full.len() / 2].to_vec()
        }
        SidecarProblem::NewerVersion => String::from_utf8_lossy(&json(&record))
            .replace("ofsted-article/1", "ofsted-article/9")
            .into_bytes(),
        SidecarProblem::UnknownFields => String::from_utf8_lossy(&json(&record))
            .replacen("\"notes\"", "\"colour\": \"blue\",\n  \"notes\"", 1)
            .into_bytes(),
        SidecarProblem::SpanOutOfBounds => {
            set_headline_span(&mut record, Span(10, 1_000_000));
            json(&record)
        }
        SidecarProblem::ByteOffsets => {
            let bytes = text.len();
            set_headline_span(&mut record, Span(bytes - 3, bytes));
            json(&record)
        }
        SidecarProblem::WrongHash => {
            record.source.text_sha256 = "0".repeat(64);
            json(&record)
        }
        SidecarProblem::ForeignPath => {
            record.source.path = "../../etc/passwd".to_string();
            json(&record)
        }
        SidecarProblem::Curated => {
            record.status = Status::Reviewed;
            record.curator = Some("A Person".to_string());
            if let Some(h) = record.article.headline.as_mut() {
                h.value = "A headline a person wrote".to_string();
                h.origin = Origin::Edited;
            }
            json(&record)
        }
    }
}

fn set_headline_span(record: &mut Record, span: Span) {
    if let Some(h) = record.article.headline.as_mut() {
        h.evidence = vec![span];
    }
}

/// Makes `path` an article file that cannot be read, whoever runs the
/// tests. On Linux it is a link to `/proc/self/mem`, a regular file of size
/// 0 whose first byte no one may read (the reading process's address 0 is
/// unmapped): the read fails with an I/O error even for root, who reads
/// files without read permission.
#[cfg(target_os = "linux")]
fn make_unreadable(path: &Path) {
    std::os::unix::fs::symlink("/proc/self/mem", path).expect("symlink");
    assert!(
        std::fs::read(path).is_err(),
        "{} is readable",
        path.display()
    );
}

/// Makes `path` an article file without read permission, which only
/// stops a reader who is not root.
#[cfg(all(unix, not(target_os = "linux")))]
fn make_unreadable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    write(path, PROSE);
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    assert!(
        std::fs::read(path).is_err(),
        "{} is readable without read permission: run the tests as a user other than root",
        path.display()
    );
}
