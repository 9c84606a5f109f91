//! The corpus view over 10,000 records: building it in memory (rows, a
//! filter, a sort, conflicts, timeline and summary), the per-keystroke
//! filter and sort on their own, and loading 10,000 sidecars from disk.

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use ofsted_curator::corpus::{Column, Corpus, CorpusFilter, LaneOrder, load_corpus};
use ofsted_curator::gazetteer::Gazetteer;
use ofsted_curator::model::{
    ArticleFields, Field, Inspection, InspectionKind, Judgement, Origin, Record, Service, Source,
    Status,
};
use ofsted_curator::store::record_to_json;
use std::hint::black_box;
use std::path::PathBuf;

const RECORDS: usize = 10_000;

const OUTLETS: [&str; 4] = ["CYP Now", "Community Care", "BBC News", "Local Gazette"];
const KINDS: [InspectionKind; 4] = [
    InspectionKind::FullInspection,
    InspectionKind::MonitoringVisit,
    InspectionKind::FocusedVisit,
    InspectionKind::JointTargetedAreaInspection,
];
const JUDGEMENTS: [Judgement; 4] = [
    Judgement::Outstanding,
    Judgement::Good,
    Judgement::RequiresImprovement,
    Judgement::Inadequate,
];

/// A cheap deterministic generator, so that every run sees the same corpus.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

fn date(rng: &mut Lcg) -> Option<String> {
    let year = 2010 + rng.next(15);
    match rng.next(20) {
        0 => None,
        1 => Some(format!("{year}")),
        2 => Some(format!("{year}-13")),
        3..=10 => Some(format!("{year}-{:02}", 1 + rng.next(12))),
        _ => Some(format!(
            "{year}-{:02}-{:02}",
            1 + rng.next(12),
            1 + rng.next(28)
        )),
    }
}

fn records() -> Vec<(PathBuf, Record)> {
    let councils: Vec<&str> = Gazetteer::get()
        .councils()
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    let mut rng = Lcg(7);
    (0..RECORDS)
        .map(|i| {
            let name = format!("{i:05}_article.txt");
            let council = match rng.next(50) {
                0 => format!("Unknownshire {}", rng.next(20)),
                _ => councils[rng.next(councils.len())].to_string(),
            };
            let inspections = (0..1 + rng.next(4))
                .map(|_| {
                    let kind = KINDS[rng.next(KINDS.len())];
                    let judged = kind == InspectionKind::FullInspection || rng.next(40) == 0;
                    Inspection {
                        local_authority: Some(council.clone()),
                        provider: (rng.next(10) == 0)
                            .then(|| format!("{council} Children's Trust")),
                        service: Service::ChildrensServices,
                        kind,
                        visit_number: (kind == InspectionKind::MonitoringVisit)
                            .then(|| 1 + rng.next(8) as u32),
                        date: date(&mut rng),
                        judgement: judged.then(|| JUDGEMENTS[rng.next(JUDGEMENTS.len())]),
                        inspector: None,
                        findings: Vec::new(),
                        evidence: vec![],
                        origin: Origin::Extracted,
                    }
                })
                .collect();
            let status = Status::ALL[rng.next(Status::ALL.len())];
            let record = Record {
                format: ofsted_curator::model::FORMAT.to_string(),
                source: Source {
                    path: name.clone(),
                    text_sha256: "0".repeat(64),
                    chars: 4000,
                },
                status,
                curator: (status == Status::Reviewed).then(|| "A Curator".to_string()),
                updated: format!(
                    "2025-{:02}-{:02}T10:00:00Z",
                    1 + rng.next(12),
                    1 + rng.next(28)
                ),
                extractor: ofsted_curator::model::EXTRACTOR.to_string(),
                article: ArticleFields {
                    headline: Some(Field::extracted(
                        format!("Ofsted report on {council} children's services, number {i}"),
                        vec![],
                    )),
                    byline: None,
                    published: date(&mut rng).map(|d| Field::extracted(d, vec![])),
                    outlet: Some(Field::extracted(
                        OUTLETS[rng.next(OUTLETS.len())].to_string(),
                        vec![],
                    )),
                },
                inspections,
                people: Vec::new(),
                quotes: Vec::new(),
                figures: Vec::new(),
                notes: String::new(),
                rejected: Vec::new(),
            };
            (
                PathBuf::from(format!("/corpus/{name}.curation.json")),
                record,
            )
        })
        .collect()
}

fn filter() -> CorpusFilter {
    let mut filter = CorpusFilter {
        text: "children".into(),
        ..CorpusFilter::default()
    };
    filter.judgements.insert(Some(Judgement::Inadequate));
    filter.judgements.insert(None);
    filter
}

/// Everything the corpus tab shows, from records in memory.
fn build_view(records: Vec<(PathBuf, Record)>) -> usize {
    let corpus = Corpus::from_records(records);
    let mut rows = corpus.filtered_rows(&filter());
    corpus.sort_rows(&mut rows, Column::Date, false);
    let timeline = corpus.timeline(&rows, LaneOrder::RegionThenName);
    let summary = corpus.summary();
    rows.len() + corpus.conflicts().len() + timeline.points.len() + summary.councils
}

fn bench(c: &mut Criterion) {
    let records = records();

    c.bench_function("corpus view of 10,000 records in memory", |b| {
        b.iter_batched(
            || records.clone(),
            |records| black_box(build_view(records)),
            BatchSize::LargeInput,
        )
    });

    let corpus = Corpus::from_records(records.clone());
    let everything = corpus.filtered_rows(&CorpusFilter::default());
    eprintln!(
        "{} records, {} inspection rows, {} conflicts",
        corpus.articles().len(),
        corpus.rows().len(),
        corpus.conflicts().len()
    );
    c.bench_function("filter 10,000 records by text", |b| {
        let filter = CorpusFilter {
            text: "gazette kent".into(),
            ..CorpusFilter::default()
        };
        b.iter(|| black_box(corpus.filtered_rows(&filter)))
    });
    c.bench_function("sort every row by council", |b| {
        b.iter_batched(
            || everything.clone(),
            |mut rows| {
                corpus.sort_rows(&mut rows, Column::Council, true);
                black_box(rows)
            },
            BatchSize::LargeInput,
        )
    });

    let dir = tempfile::tempdir().expect("temp dir");
    for (path, record) in &records {
        let name = path.file_name().expect("file name");
        std::fs::write(dir.path().join(name), record_to_json(record)).expect("write sidecar");
    }
    c.bench_function("load 10,000 sidecars from disk", |b| {
        b.iter(|| {
            let (corpus, errors) = load_corpus(dir.path());
            assert!(errors.is_empty());
            black_box(corpus.rows().len())
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
