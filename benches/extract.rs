//! Extraction throughput (one thread), in articles per second: over the
//! mixed set (samples, held-out articles, the seeds when at hand, and one
//! 1 MB article made from them), over its articles of ordinary size, over
//! the 1 MB article alone, and over one 5 KB article.

#[path = "support/mixed_set.rs"]
mod mixed_set;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use mixed_set::MixedSet;
use ofsted_curator::extract::extract_record;
use std::hint::black_box;

/// A ~5 KB article in the genre, written for the benchmark.
fn five_kb_article() -> String {
    let mut text = String::from(
        "Ofsted finds slow progress at council children's services\n\nBy Ann Lee\nTuesday 2nd October 2018\n\n",
    );
    let paragraphs = [
        "Inspectors found that Wirral Council's children's services were still struggling in a fifth monitoring visit last month, two years after the department was rated \"inadequate\" in September 2016.",
        "“Leaders have a clear understanding of the weaknesses in practice and have taken action to address them, but progress remains too slow,” the letter said.",
        "Caseloads remain too high in the assessment teams, where agency staff make up 41 per cent of the workforce and 12 vacancies remain unfilled, inspectors found.",
        "Jane Doe, director of children's services at Wirral, said: “We accept the findings and we are determined to improve services for every child in the borough.”",
        "The council has agreed to invest an extra £1.2 million this year, and a further £461k next year, to recruit 35 permanent social workers.",
        "Elsewhere, Dudley children's services was judged to require improvement to be good after a full inspection in July, up from inadequate in 2016.",
        "Health partners do not always attend strategy meetings, and information sharing with the police is not consistent, inspectors said.",
    ];
    while text.len() < 5_000 {
        for p in paragraphs {
            text.push_str(p);
            text.push_str("\n\n");
        }
    }
    text.push_str("More from Community Care\n");
    text
}

fn bench_extract(c: &mut Criterion) {
    let set = MixedSet::load();
    if !set.with_seeds {
        eprintln!(
            "seed articles not found (SEEDS_DIR or ../shared/seeds): benchmarking without them"
        );
    }
    let article = five_kb_article();
    let mut group = c.benchmark_group("extract");

    let all: Vec<&str> = set.all().collect();
    group.throughput(Throughput::Elements(all.len() as u64));
    group.bench_function("mixed_set", |b| {
        b.iter(|| {
            for text in &all {
                black_box(extract_record(black_box(text), "bench.txt"));
            }
        })
    });

    group.throughput(Throughput::Elements(set.articles.len() as u64));
    group.bench_function("mixed_articles", |b| {
        b.iter(|| {
            for text in &set.articles {
                black_box(extract_record(black_box(text), "bench.txt"));
            }
        })
    });

    group.throughput(Throughput::Elements(1));
    group.bench_function("1mb_article", |b| {
        b.iter(|| extract_record(black_box(&set.big), "bench.txt"))
    });
    group.bench_function("5kb_article", |b| {
        b.iter(|| extract_record(black_box(&article), "bench.txt"))
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
