//! The corpus tab with providers as well as councils (issue 14): a council's
//! full inspection, a children's home judged inadequate on the same date
//! and an independent fostering agency judged outstanding. Their records are
//! built with the library and saved beside articles written for these
//! tests, then the app is driven as a person would: the table shows each
//! inspection's service and provider, the service filter narrows the rows,
//! the timeline gives providers their own lanes and marks, and "by region"
//! puts lanes under region headings.

use crate::app_support::*;
use egui::accesskit::Role;
use egui::{PointerButton, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use ofsted_curator::app::{Command, CuratorApp, Tab};
use ofsted_curator::corpus::{INDEPENDENT_PROVIDERS, LaneKind, PointShape};
use ofsted_curator::export::ExportFormat;
use ofsted_curator::model::{
    Field, Inspection, InspectionKind, Judgement, Origin, Record, Service, Source, Span, Status,
};
use ofsted_curator::store::{save_record_atomically, sidecar_path};
use ofsted_curator::text::text_sha256;

const NORFOLK: &str = "Norfolk children's services rated good by Ofsted\n\n\
Children's services at Norfolk County Council were rated good by Ofsted after \
a full inspection in May 2023.\n";

const HOME: &str = "Children's home near Norwich rated inadequate\n\n\
A children's home run by Horizon Care Homes in Norfolk was rated inadequate by \
Ofsted after an inspection in May 2023 found staff shortages.\n";

const FOSTERING: &str = "Independent fostering agency rated outstanding\n\n\
Northern Lights Fostering, an independent fostering agency, was rated \
outstanding by Ofsted after an inspection in November 2022.\n";

const KENT: &str = "Kent children's services require improvement, Ofsted says\n\n\
Children's services at Kent County Council require improvement, Ofsted said \
after a full inspection in March 2019.\n";

/// One inspection of an article: council, provider, service, date and
/// judgement, with the article's second paragraph as its evidence.
struct Given {
    council: Option<&'static str>,
    provider: Option<&'static str>,
    service: Service,
    date: &'static str,
    judgement: Judgement,
}

/// Writes `text` as `name` and a reviewed record of it beside it.
fn write_article(dir: &std::path::Path, name: &str, text: &str, given: Given) {
    let article = dir.join(name);
    std::fs::write(&article, text).expect("write article");
    let chars: Vec<char> = text.chars().collect();
    let headline_end = text.find('\n').expect("a headline line");
    let body_start = headline_end + 2;
    let mut record = Record::empty(Source {
        path: name.to_string(),
        text_sha256: text_sha256(text),
        chars: chars.len(),
    });
    record.status = Status::Reviewed;
    record.curator = Some("Test Curator".into());
    record.article.headline = Some(Field::extracted(
        text[..headline_end].to_string(),
        vec![Span::new(0, headline_end)],
    ));
    record.inspections.push(Inspection {
        local_authority: given.council.map(str::to_string),
        provider: given.provider.map(str::to_string),
        service: given.service,
        kind: InspectionKind::FullInspection,
        visit_number: None,
        date: Some(given.date.to_string()),
        judgement: Some(given.judgement),
        inspector: None,
        findings: Vec::new(),
        evidence: vec![Span::new(body_start, chars.len() - 1)],
        origin: Origin::Added,
    });
    save_record_atomically(&sidecar_path(&article, None), &record).expect("save record");
}

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write_article(
        d,
        "norfolk.txt",
        NORFOLK,
        Given {
            council: Some("Norfolk"),
            provider: None,
            service: Service::ChildrensServices,
            date: "2023-05",
            judgement: Judgement::Good,
        },
    );
    write_article(
        d,
        "home.txt",
        HOME,
        Given {
            council: Some("Norfolk"),
            provider: Some("Horizon Care Homes"),
            service: Service::ChildrensHome,
            date: "2023-05",
            judgement: Judgement::Inadequate,
        },
    );
    write_article(
        d,
        "fostering.txt",
        FOSTERING,
        Given {
            council: None,
            provider: Some("Northern Lights Fostering"),
            service: Service::FosteringAgency,
            date: "2022-11",
            judgement: Judgement::Outstanding,
        },
    );
    write_article(
        d,
        "kent.txt",
        KENT,
        Given {
            council: Some("Kent"),
            provider: None,
            service: Service::ChildrensServices,
            date: "2019-03",
            judgement: Judgement::RequiresImprovement,
        },
    );
    dir
}

fn open_corpus_tab(harness: &mut Harness<'_, CuratorApp>) {
    let tab = harness.get_by_label("Corpus").rect().center();
    click_at(harness, tab, PointerButton::Primary);
    assert_eq!(harness.state().tab, Tab::Corpus);
    wait_until(harness, "corpus built", CuratorApp::corpus_ready);
}

fn shown_files(harness: &Harness<'_, CuratorApp>) -> Vec<String> {
    let mut files: Vec<String> = harness
        .state()
        .corpus_rows_shown()
        .into_iter()
        .map(|(file, _)| file)
        .collect();
    files.sort();
    files
}

/// The centre of the drawn label `label` (of role `role`).
fn centre_of(harness: &Harness<'_, CuratorApp>, role: Role, label: &str) -> Pos2 {
    harness.get_by_role_and_label(role, label).rect().center()
}

/// Whether a label reading `text` is drawn level with `y`, i.e. in the
/// same table row.
fn label_in_row(harness: &Harness<'_, CuratorApp>, text: &str, y: f32) -> bool {
    harness
        .query_all_by_label(text)
        .any(|n| (n.rect().center().y - y).abs() < 4.0)
}

/// The width `text` needs in the body font.
fn text_width(harness: &Harness<'_, CuratorApp>, text: &str) -> f32 {
    let font = egui::TextStyle::Body.resolve(&harness.ctx.global_style());
    harness.ctx.fonts_mut(|f| {
        f.layout_no_wrap(text.to_string(), font, egui::Color32::WHITE)
            .size()
            .x
    })
}

#[test]
fn the_table_shows_each_inspections_service_and_provider() {
    let dir = folder();
    let mut harness = harness(dir.path());
    open_corpus_tab(&mut harness);
    assert_eq!(shown_files(&harness).len(), 4);

    // Each row: find its provider's cell, then the service in the same row.
    let home = harness.get_by_label("Horizon Care Homes").rect().center().y;
    assert!(
        label_in_row(&harness, "children's home", home),
        "the home's row says it is a children's home"
    );
    assert!(label_in_row(&harness, "Norfolk", home), "under Norfolk");
    let fostering = harness
        .get_by_label("Northern Lights Fostering")
        .rect()
        .center()
        .y;
    assert!(
        label_in_row(&harness, "fostering agency", fostering),
        "the agency's row says it is a fostering agency"
    );
    // The council's own inspection names the council as its provider.
    let council = harness
        .get_by_label_contains("Norfolk children's services rated good")
        .rect()
        .center()
        .y;
    assert!(label_in_row(&harness, "children's services", council));
    let norfolks = harness
        .query_all_by_label("Norfolk")
        .filter(|n| (n.rect().center().y - council).abs() < 4.0)
        .count();
    assert_eq!(norfolks, 2, "council and provider columns both say Norfolk");

    // The names are drawn whole, not cut with "…": each label is as wide
    // as its text needs.
    for name in ["Horizon Care Homes", "Northern Lights Fostering"] {
        let needed = text_width(&harness, name);
        let drawn = harness.get_by_label(name).rect().width();
        assert!(
            drawn + 0.5 >= needed,
            "{name}: {drawn} wide, needs {needed}"
        );
    }

    // The inspections export names provider and service too (its columns
    // were already there; the export is a contract, so this pins them).
    let out = dir.path().join("inspections.csv");
    harness.state_mut().apply_command(Command::ExportTo {
        format: ExportFormat::InspectionsCsv,
        path: out.clone(),
        overwrite: false,
    });
    wait_until(&mut harness, "export written", |app| {
        app.exports_running() == 0
    });
    let csv = std::fs::read_to_string(&out).expect("export written");
    let header: Vec<&str> = csv.lines().next().unwrap_or("").split(',').collect();
    let provider = header.iter().position(|h| *h == "provider");
    let service = header.iter().position(|h| *h == "service");
    let (Some(provider), Some(service)) = (provider, service) else {
        panic!("no provider or service column: {header:?}");
    };
    let home_line: Vec<&str> = csv
        .lines()
        .find(|l| l.starts_with("home.txt"))
        .expect("the home's row")
        .split(',')
        .collect();
    assert_eq!(home_line.get(provider), Some(&"Horizon Care Homes"));
    assert_eq!(home_line.get(service), Some(&"childrens_home"));
}

#[test]
fn the_service_filter_narrows_the_rows() {
    let dir = folder();
    let mut harness = harness(dir.path());
    open_corpus_tab(&mut harness);

    let combo = centre_of(&harness, Role::ComboBox, "Service");
    click_at(&mut harness, combo, PointerButton::Primary);
    harness.step();
    let home = centre_of(&harness, Role::CheckBox, "children's home");
    click_at(&mut harness, home, PointerButton::Primary);
    harness.step();
    assert_eq!(shown_files(&harness), vec!["home.txt.curation.json"]);
    assert!(
        harness
            .query_all_by_label_contains("Kent children's services require")
            .next()
            .is_none(),
        "the council rows are no longer drawn"
    );

    let fostering = centre_of(&harness, Role::CheckBox, "fostering agency");
    click_at(&mut harness, fostering, PointerButton::Primary);
    harness.step();
    assert_eq!(
        shown_files(&harness),
        vec!["fostering.txt.curation.json", "home.txt.curation.json"]
    );
    // The timeline follows: no council's own inspection is drawn.
    let timeline = harness.state().corpus_timeline();
    assert_eq!(timeline.points.len(), 2);
    assert!(
        timeline
            .points
            .iter()
            .all(|p| p.shape == PointShape::ProviderMarker),
        "{timeline:?}"
    );

    let children = centre_of(&harness, Role::CheckBox, "children's services");
    click_at(&mut harness, children, PointerButton::Primary);
    harness.step();
    assert_eq!(shown_files(&harness).len(), 4);
}

#[test]
fn providers_are_drawn_apart_from_councils_on_the_timeline() {
    let dir = folder();
    let mut harness = harness(dir.path());
    open_corpus_tab(&mut harness);
    let app = harness.state();
    let corpus = app.corpus().expect("the corpus is built");
    let timeline = app.corpus_timeline();

    let lane_of = |file: &str| {
        let point = timeline
            .points
            .iter()
            .find(|p| &*corpus.rows()[p.row].file_name == file)
            .unwrap_or_else(|| panic!("{file} has a mark: {timeline:?}"));
        (point.lane, point.shape)
    };
    let (council_lane, council_shape) = lane_of("norfolk.txt.curation.json");
    let (home_lane, home_shape) = lane_of("home.txt.curation.json");
    let (agency_lane, agency_shape) = lane_of("fostering.txt.curation.json");

    assert_eq!(council_shape, PointShape::Marker);
    assert_eq!(home_shape, PointShape::ProviderMarker);
    assert_eq!(agency_shape, PointShape::ProviderMarker);
    let council = &timeline.lanes[council_lane];
    assert_eq!(
        (council.kind, council.label.as_str()),
        (LaneKind::Council, "Norfolk")
    );
    // The home has its own lane, named after it, right under its council.
    let home = &timeline.lanes[home_lane];
    assert_eq!(home_lane, council_lane + 1);
    assert_eq!(
        (home.kind, home.label.as_str()),
        (LaneKind::Provider, "Horizon Care Homes")
    );
    assert_eq!(home.council.as_deref(), Some("Norfolk"));
    assert_eq!(home.services, vec![Service::ChildrensHome]);
    // The agency has no council: it sits under "Independent providers".
    let agency = &timeline.lanes[agency_lane];
    assert_eq!(agency.label, "Northern Lights Fostering");
    assert_eq!(agency.council, None);
    assert_eq!(timeline.lanes[agency_lane - 1].label, INDEPENDENT_PROVIDERS);
    assert_eq!(timeline.lanes[agency_lane - 1].kind, LaneKind::Heading);

    // A council and a home judged differently in the same month do not
    // conflict: they are not the same inspection.
    assert!(corpus.conflicts().is_empty(), "{:?}", corpus.conflicts());
    // A hover on the home's mark says who, what, how and when.
    let home_row = timeline
        .points
        .iter()
        .find(|p| p.lane == home_lane)
        .expect("a mark")
        .row;
    assert_eq!(
        corpus.rows()[home_row].describe(),
        "Horizon Care Homes (children's home, Norfolk) · full inspection · inadequate · 2023-05"
    );
}

#[test]
fn lanes_by_region_sit_under_region_headings() {
    let dir = folder();
    let mut harness = harness(dir.path());
    open_corpus_tab(&mut harness);
    let lanes = |harness: &Harness<'_, CuratorApp>| -> Vec<(LaneKind, String)> {
        harness
            .state()
            .corpus_timeline()
            .lanes
            .iter()
            .map(|l| (l.kind, l.label.clone()))
            .collect()
    };
    let lane = |kind: LaneKind, label: &str| (kind, label.to_string());
    use LaneKind::{Council, Heading, Provider};
    let by_region = vec![
        lane(Heading, "East of England"),
        lane(Council, "Norfolk"),
        lane(Provider, "Horizon Care Homes"),
        lane(Heading, "South East"),
        lane(Council, "Kent"),
        lane(Heading, INDEPENDENT_PROVIDERS),
        lane(Provider, "Northern Lights Fostering"),
    ];
    assert_eq!(lanes(&harness), by_region, "\"by region\" is the default");

    // Choosing "most events first" drops the region headings...
    let combo = centre_of(&harness, Role::ComboBox, "Lanes:");
    click_at(&mut harness, combo, PointerButton::Primary);
    harness.step();
    let most = harness.get_by_label("most events first").rect().center();
    click_at(&mut harness, most, PointerButton::Primary);
    harness.step();
    harness.step();
    assert_eq!(
        lanes(&harness),
        vec![
            lane(Council, "Norfolk"),
            lane(Provider, "Horizon Care Homes"),
            lane(Council, "Kent"),
            lane(Heading, INDEPENDENT_PROVIDERS),
            lane(Provider, "Northern Lights Fostering"),
        ]
    );

    // ...and "by region" brings them back.
    let combo = centre_of(&harness, Role::ComboBox, "Lanes:");
    click_at(&mut harness, combo, PointerButton::Primary);
    harness.step();
    // The drop-down's own text also reads "by region": take the choice.
    let region = harness
        .query_all_by_label("by region")
        .last()
        .expect("the \"by region\" choice")
        .rect()
        .center();
    click_at(&mut harness, region, PointerButton::Primary);
    harness.step();
    harness.step();
    assert_eq!(lanes(&harness), by_region);
}
