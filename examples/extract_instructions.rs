//! Runs the extractor once over the benchmark's mixed set (see
//! `benches/support/mixed_set.rs`) after a warm-up pass, for counting instructions
//! with callgrind on a shared, noisy machine:
//!
//! ```sh
//! cargo build --release --example extract_instructions
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out \
//!     --toggle-collect='extract_instructions::measured*' \
//!     target/release/examples/extract_instructions articles
//! callgrind_annotate /tmp/cg.out | head
//! ```
//!
//! `articles` runs the articles of ordinary size, `big` the 1 MB article,
//! `all` both.
//! Instructions per article are the total over the articles counted.

#[path = "../benches/support/mixed_set.rs"]
mod mixed_set;

use mixed_set::MixedSet;
use ofsted_curator::extract::extract_record;
use std::hint::black_box;

#[inline(never)]
fn measured(texts: &[&str]) -> usize {
    let mut items = 0;
    for text in texts {
        let r = black_box(extract_record(black_box(text), "bench.txt"));
        items += r.inspections.len() + r.people.len() + r.quotes.len() + r.figures.len();
    }
    items
}

fn main() {
    let set = MixedSet::load();
    let which = std::env::args().nth(1).unwrap_or_else(|| "articles".into());
    let texts: Vec<&str> = match which.as_str() {
        "big" => vec![set.big.as_str()],
        "all" => set.all().collect(),
        _ => set.articles.iter().map(String::as_str).collect(),
    };
    // Warm-up outside `measured`: patterns compiled, tables built.
    for text in &texts {
        black_box(extract_record(black_box(text), "bench.txt"));
    }
    let items = measured(&texts);
    println!(
        "{} articles ({} bytes), seeds {}, {items} items",
        texts.len(),
        texts.iter().map(|t| t.len()).sum::<usize>(),
        if set.with_seeds { "included" } else { "absent" },
    );
}
