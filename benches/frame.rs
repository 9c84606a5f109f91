//! One full UI frame of the app (layout and widgets, without painting) on a
//! 5 KB and a 1 MB article, after the first frame has laid the text out.

use criterion::{Criterion, criterion_group, criterion_main};
use ofsted_curator::app::CuratorApp;
use ofsted_curator::app::settings::Settings;
use std::path::Path;

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

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench_frames
}
criterion_main!(benches);
