//! Extraction throughput on article-sized texts (one thread).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
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
    let article = five_kb_article();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Elements(1));
    group.bench_function("5kb_article", |b| {
        b.iter(|| extract_record(black_box(&article), "bench.txt"))
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
