use super::test_support::*;
use super::*;

#[test]
fn one_row_per_inspection_with_gazetteer_facts() {
    let mut a = record("a.txt", Status::Reviewed);
    a.article.outlet = Some(crate::model::Field::extracted("CYP Now".into(), vec![]));
    a.inspections.push(inspection(
        Some("Sandwell Children's Trust"),
        "2018-09",
        None,
    ));
    a.inspections[0].kind = InspectionKind::MonitoringVisit;
    a.inspections[0].visit_number = Some(5);
    a.inspections.push(inspection(
        Some("Sandwell"),
        "2015-07",
        Some(Judgement::Inadequate),
    ));
    let mut b = record("b.txt", Status::Unreviewed);
    b.inspections.push(inspection(Some("Narnia"), "2019", None));
    b.inspections.push(inspection(None, "2019-02-30", None));
    let corpus = corpus_of(vec![a, b]);

    let rows = corpus.rows();
    assert_eq!(rows.len(), 4);
    assert_eq!((rows[0].record, rows[0].inspection), (0, 0));
    assert_eq!((rows[3].record, rows[3].inspection), (1, 1));
    let r = &rows[0];
    assert_eq!(r.council.as_deref(), Some("Sandwell"));
    assert!(r.in_gazetteer);
    assert_eq!(r.region, Some("West Midlands"));
    assert_eq!(r.council_kind, Some("metropolitan_district"));
    assert!(r.ons_code.is_some_and(|c| c.starts_with("E08")));
    assert_eq!(r.visit_number, Some(5));
    assert_eq!(r.parsed_date, Some(PartialDate::Month(2018, 9)));
    assert_eq!(r.headline.as_deref(), Some("Headline of a.txt"));
    assert_eq!(r.outlet.as_deref(), Some("CYP Now"));
    assert_eq!(r.status, Status::Reviewed);
    assert_eq!(&*r.file_name, "a.txt.curation.json");
    assert_eq!(rows[1].judgement, Some(Judgement::Inadequate));

    assert_eq!(rows[2].council.as_deref(), Some("Narnia"));
    assert!(!rows[2].in_gazetteer);
    assert_eq!(rows[2].region, None);
    assert_eq!(rows[3].council, None);
    assert_eq!(rows[3].date.as_deref(), Some("2019-02-30"));
    assert_eq!(rows[3].parsed_date, None);

    assert_eq!(corpus.articles().len(), 2);
    assert_eq!(corpus.articles()[0].inspections, 2);
    assert_eq!(
        corpus.articles()[0].updated_day,
        Some(PartialDate::Day(2024, 1, 1))
    );
    assert_eq!(corpus.rows_of_record(1), 2..4);
    assert_eq!(
        corpus.record_index(Path::new("/corpus/b.txt.curation.json")),
        Some(1)
    );
    assert_eq!(corpus.regions_present(), vec!["West Midlands"]);
}

#[test]
fn a_row_says_who_was_inspected() {
    let mut a = record("a.txt", Status::Reviewed);
    a.inspections
        .push(inspection(Some("Kent"), "2018-08", Some(Judgement::Good)));
    let mut trust = inspection(Some("Sandwell"), "2018-09", None);
    trust.kind = InspectionKind::MonitoringVisit;
    trust.visit_number = Some(3);
    trust.provider = Some("Sandwell Children's Trust".into());
    a.inspections.push(trust);
    let mut home = inspection(Some("Norfolk"), "2023-05", Some(Judgement::Inadequate));
    home.provider = Some(" Horizon Care Homes ".into());
    home.service = Service::ChildrensHome;
    a.inspections.push(home);
    let mut fostering = inspection(Some("Wigan"), "2018-12", Some(Judgement::Outstanding));
    fostering.provider = Some(String::new());
    fostering.service = Service::FosteringAgency;
    a.inspections.push(fostering);
    let mut adoption = inspection(None, "", None);
    adoption.service = Service::AdoptionAgency;
    a.inspections.push(adoption);
    let corpus = corpus_of(vec![a]);
    let rows = corpus.rows();

    let subjects: Vec<&Subject> = rows.iter().map(|r| &r.subject).collect();
    assert_eq!(
        subjects,
        vec![
            &Subject::Council,
            &Subject::Council,
            &Subject::Provider("horizon care homes".into()),
            &Subject::UnnamedProvider(Service::FosteringAgency),
            &Subject::UnnamedProvider(Service::AdoptionAgency),
        ]
    );
    assert!(!rows[1].is_provider() && rows[2].is_provider());
    assert_eq!(rows[2].provider.as_deref(), Some("Horizon Care Homes"));
    assert_eq!(rows[3].provider, None, "an empty provider is none");
    let described: Vec<String> = rows.iter().map(InspectionRow::describe).collect();
    assert_eq!(
        described,
        vec![
            "Kent (children's services) · full inspection · good · 2018-08",
            "Sandwell Children's Trust (children's services, Sandwell) · \
             monitoring visit #3 · no judgement · 2018-09",
            "Horizon Care Homes (children's home, Norfolk) · full inspection · \
             inadequate · 2023-05",
            "fostering agency, provider not named (Wigan) · full inspection · \
             outstanding · 2018-12",
            "adoption agency, provider not named · full inspection · \
             no judgement · undated",
        ]
    );
    let longest = corpus.longest_cells(&[Column::Provider, Column::Service, Column::Judgement]);
    assert_eq!(
        longest,
        vec![
            Some("Sandwell Children's Trust".to_string()),
            Some("children's services".to_string()),
            Some("outstanding".to_string()),
        ]
    );
}

#[test]
fn upsert_replaces_a_record_in_place_and_refreshes_conflicts() {
    let mut a = record("a.txt", Status::Unreviewed);
    a.inspections
        .push(inspection(Some("Kent"), "2019-03", Some(Judgement::Good)));
    let mut b = record("b.txt", Status::Unreviewed);
    b.inspections.push(inspection(
        Some("Kent"),
        "2019-03",
        Some(Judgement::Inadequate),
    ));
    let c = record("c.txt", Status::Unreviewed);
    let mut corpus = corpus_of(vec![a.clone(), b, c]);
    assert_eq!(corpus.conflicts().len(), 1);

    a.inspections[0].judgement = Some(Judgement::Inadequate);
    a.inspections.push(inspection(Some("Kent"), "2015", None));
    a.status = Status::Reviewed;
    let index = corpus.upsert(Path::new("/corpus/a.txt.curation.json"), &a);
    assert_eq!(index, 0);
    assert_eq!(corpus.articles().len(), 3);
    assert_eq!(corpus.rows().len(), 3);
    assert_eq!(corpus.rows_of_record(0), 0..2);
    assert_eq!(corpus.rows()[2].record, 1);
    assert_eq!(corpus.rows()[0].status, Status::Reviewed);
    assert!(corpus.conflicts().is_empty(), "{:?}", corpus.conflicts());

    let d = record("d.txt", Status::Reviewed);
    let index = corpus.upsert(Path::new("/corpus/d.txt.curation.json"), &d);
    assert_eq!(index, 3);
    assert_eq!(corpus.articles().len(), 4);
}

#[test]
fn the_same_sidecar_twice_keeps_the_last_record() {
    let first = record("a.txt", Status::Unreviewed);
    let mut second = record("a.txt", Status::Reviewed);
    second
        .inspections
        .push(inspection(Some("Kent"), "2019", None));
    let corpus = corpus_of(vec![first, second]);
    assert_eq!(corpus.articles().len(), 1);
    assert_eq!(corpus.articles()[0].status, Status::Reviewed);
    assert_eq!(corpus.rows().len(), 1);
}
