//! One full UI frame of the app (layout and widgets, without painting) on a
//! 5 KB and a 1 MB article, after the first frame has laid the text out; and
//! the UI-thread time it takes to fill the queue from a folder of 10,000
//! articles while the loader works in the background.

use criterion::{Criterion, criterion_group, criterion_main};
use ofsted_curator::app::CuratorApp;
use ofsted_curator::app::settings::Settings;
use std::path::Path;
use std::time::{Duration, Instant};

const PARAGRAPH: &str = "Inspectors found that social workers in Ashdown carried caseloads of up to 30 children, \
and that managers did not always check plans. Director Ruth Okafor said: \"We know there is much more to do.\" \
The council will spend £2.5 million on recruitment after agency staff made up 40 per cent of teams.\n\n";

fn write_article(dir: &Path, name: &str, bytes: usize) {
    let mut text = String::from(
        "Ashdown children's services rated inadequate\n\nBy Lee Carter\n\n4 May 2022\n\n",
    );
    while text.len() < bytes {
        text.push_str(PARAGRAPH);
    }
    std::fs::write(dir.join(name), text).expect("write article");
}

fn app_on(dir: &Path, ctx: &egui::Context) -> CuratorApp {
    let settings = Settings {
        asked_name: true,
        ..Settings::default()
    };
    let mut app = CuratorApp::new(ctx, settings, vec![dir.to_path_buf()]);
    // Let the loader finish.
    for _ in 0..2000 {
        frame(&mut app, ctx);
        let ready = app.is_idle() && app.workspace.docs.iter().all(|d| d.loaded().is_some());
        if ready {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(app.workspace.current_loaded().is_some(), "article loaded");
    app
}

fn frame(app: &mut CuratorApp, ctx: &egui::Context) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1400.0, 900.0),
        )),
        ..Default::default()
    };
    let _ = ctx.run_ui(input, |ui| app.frame_ui(ui));
}

fn bench_frames(c: &mut Criterion) {
    for (label, bytes) in [
        ("frame_5kb_article", 5_000),
        ("frame_1mb_article", 1_000_000),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        write_article(dir.path(), "article.txt", bytes);
        let ctx = egui::Context::default();
        let mut app = app_on(dir.path(), &ctx);
        frame(&mut app, &ctx);
        c.bench_function(label, |b| b.iter(|| frame(&mut app, &ctx)));
    }
}

/// Frames are run while the loader fills the queue; only the time spent in
/// frames counts (that is what would freeze the window), and the slowest
/// single frame is printed so that a stall shows.
fn bench_queue_fill(c: &mut Criterion) {
    const ARTICLES: usize = 10_000;
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..ARTICLES {
        let text = format!(
            "Council {i} children's services rated good\n\n4 May 2022\n\n\
             Inspectors found that children in the borough were seen quickly. \
             The council spent £{i},000 on recruitment.\n"
        );
        std::fs::write(dir.path().join(format!("article-{i:05}.txt")), text)
            .expect("write article");
    }
    let settings = Settings {
        asked_name: true,
        ..Settings::default()
    };
    let mut group = c.benchmark_group("queue");
    group.sample_size(10);
    group.bench_function("fill_10000_articles_ui_time", |b| {
        b.iter_custom(|iterations| {
            let mut ui_time = Duration::ZERO;
            let mut slowest = Duration::ZERO;
            for _ in 0..iterations {
                let ctx = egui::Context::default();
                let mut app = CuratorApp::new(&ctx, settings.clone(), vec![dir.path().into()]);
                loop {
                    let start = Instant::now();
                    frame(&mut app, &ctx);
                    let took = start.elapsed();
                    ui_time += took;
                    slowest = slowest.max(took);
                    let docs = &app.workspace.docs;
                    let filled =
                        docs.len() == ARTICLES && docs.iter().all(|d| d.loaded().is_some());
                    if filled && app.is_idle() {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(4));
                }
            }
            eprintln!("slowest frame while filling the queue: {slowest:?}");
            let ctx = egui::Context::default();
            let mut app = CuratorApp::new(&ctx, settings.clone(), vec![dir.path().into()]);
            while !(app.is_idle() && app.workspace.docs.iter().all(|d| d.loaded().is_some())) {
                frame(&mut app, &ctx);
                std::thread::sleep(Duration::from_millis(4));
            }
            let start = Instant::now();
            for _ in 0..20 {
                frame(&mut app, &ctx);
            }
            eprintln!(
                "frame with 10,000 articles in the queue: {:?}",
                start.elapsed() / 20
            );
            ui_time
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_frames, bench_queue_fill
}
criterion_main!(benches);
