use super::*;
use crate::model::Service;

fn kinds(s: &str) -> Vec<KindCue> {
    kind_cues(&Folded::new(s))
}

fn judgements(s: &str) -> Vec<Judgement> {
    judgement_cues(&Folded::new(s))
        .into_iter()
        .map(|c| c.judgement)
        .collect()
}

#[test]
fn judgements_with_context() {
    use Judgement::*;
    assert_eq!(
        judgements("It was rated \"inadequate\" by Ofsted in July 2015."),
        vec![Inadequate]
    );
    assert_eq!(
        judgements("which marked the service ‘Inadequate’ overall"),
        vec![Inadequate]
    );
    assert_eq!(
        judgements("three months after it was handed Ofsted's lowest rating"),
        vec![Inadequate]
    );
    assert_eq!(
        judgements("rated requires improvement to be good in 2019"),
        vec![RequiresImprovement]
    );
    assert_eq!(judgements("The council was rated good overall"), vec![Good]);
    assert_eq!(
        judgements("improved from RI to outstanding"),
        vec![RequiresImprovement, Outstanding]
    );
    assert_eq!(
        judgements("its grade improve to ‘requires improvement’"),
        vec![RequiresImprovement]
    );
}

#[test]
fn ordinary_words_are_not_judgements() {
    assert!(judgements("This is good news for children and a good start.").is_empty());
    assert!(judgements("There are outstanding issues with inadequate support.").is_empty());
    assert!(judgements("homes which are all rated either good or outstanding").is_empty());
    assert!(judgements("41% of councils have now been judged good or outstanding").is_empty());
    assert!(judgements("councils rated inadequate or requires improvement").is_empty());
    assert_eq!(
        judgements("after inspectors visited in October, up from good at its last inspection"),
        vec![Judgement::Good]
    );
}

#[test]
fn plural_kinds_are_not_one_event() {
    assert!(kinds("A string of monitoring visits since then found progress slow").is_empty());
    assert!(kinds("Ofsted's inspections of children's services this year").is_empty());
    assert_eq!(kinds("under the ILACS framework").len(), 1);
}

#[test]
fn kinds_and_ordinals() {
    let s = "Following its fifth monitoring visit, and a focused visit, the JTAI found";
    let k: Vec<InspectionKind> = kinds(s).into_iter().map(|c| c.kind).collect();
    assert_eq!(
        k,
        vec![
            InspectionKind::MonitoringVisit,
            InspectionKind::FocusedVisit,
            InspectionKind::JointTargetedAreaInspection
        ]
    );
    let cue = &kinds(s)[0].range;
    assert_eq!(visit_ordinal(s, cue), Some(5));
    let s = "In a monitoring visit to the trust, the second since it was judged inadequate";
    assert_eq!(visit_ordinal(s, &kinds(s)[0].range), Some(2));
    let s = "the 7th monitoring visit";
    assert_eq!(visit_ordinal(s, &kinds(s)[0].range), Some(7));
}

#[test]
fn schools_are_another_setting() {
    let other = |s| about_other_setting(&Folded::new(s));
    assert!(other("The primary school was rated good by Ofsted."));
    assert!(!other("The council's children's services were rated good."));
}

#[test]
fn cues_by_sentence_are_the_cues_of_each_sentence() {
    let text = "Rated good. It was RI then. A focused visit. The JTAI found it inadequate overall. Monitoring visits went on.";
    let sentences: Vec<Range<usize>> = crate::extract::layout::split_sentences(text, 0..text.len());
    let lower = lower_cased(text);
    let kinds = kind_cues_by_sentence(text, lower.as_deref(), &sentences);
    let judgements = judgement_cues_by_sentence(text, lower.as_deref(), &sentences);
    for (i, s) in sentences.iter().enumerate() {
        let folded = Folded::new(&text[s.clone()]);
        assert_eq!(kinds[i], kind_cues(&folded), "{s:?}");
        assert_eq!(judgements[i], judgement_cues(&folded), "{s:?}");
    }
    assert_eq!(judgements.iter().flatten().count(), 3);
    assert_eq!(kinds.iter().flatten().count(), 2);
}

#[test]
fn services_are_told_apart() {
    assert_eq!(
        services_in("the Fostering Services and adoption agency, and two children’s homes"),
        vec![
            Service::FosteringAgency,
            Service::AdoptionAgency,
            Service::ChildrensHome
        ]
    );
    assert!(services_in("social work").is_empty());
}

#[test]
fn the_best_possible_rating_is_outstanding() {
    assert_eq!(
        judgements("The service was handed the best possible Ofsted rating this week."),
        vec![Judgement::Outstanding]
    );
}

#[test]
fn hoped_for_and_area_grades_are_not_judgements() {
    assert!(judgements("We are sure we will be judged good at the next visit.").is_empty());
    assert!(judgements("The council hopes to be rated outstanding soon.").is_empty());
    assert!(judgements("The teaching at the unit was judged outstanding.").len() == 1);
    assert!(judgements("The education at the unit was judged outstanding.").is_empty());
    assert!(
        judgements("It was rated inadequate, with leadership rated good.")
            == vec![Judgement::Inadequate]
    );
}

#[test]
fn visits_to_come_are_not_kinds() {
    assert!(kinds("The borough can expect a monitoring visit within months.").is_empty());
    assert!(kinds("Its next focused visit is due in spring.").is_empty());
    assert_eq!(kinds("Inspectors made a focused visit in March.").len(), 1);
}

#[test]
fn loosely_named_kinds() {
    use InspectionKind::*;
    let kinds_of = |s: &str| kinds(s).into_iter().map(|k| k.kind).collect::<Vec<_>>();
    assert_eq!(
        kinds_of("An unannounced inspection followed."),
        vec![FullInspection]
    );
    assert_eq!(
        kinds_of("After the re-inspection, the grade rose."),
        vec![FullInspection]
    );
    assert_eq!(
        kinds_of("Its annual performance assessment was poor."),
        vec![Other]
    );
    assert_eq!(
        kinds_of("Inspectors also conducted a short review of the service."),
        vec![Other]
    );
    assert!(kinds_of("The council commissioned a peer review.").is_empty());
    assert!(kinds_of("A child safeguarding practice review was published.").is_empty());
    assert!(
        judgements(
            "It was rated good, and the experiences of care leavers were judged outstanding."
        ) == vec![Judgement::Good]
    );
}

#[test]
fn past_tense_grades_and_joint_inspections() {
    assert_eq!(
        judgements("In 2016 inspectors judged that it required improvement."),
        vec![Judgement::RequiresImprovement]
    );
    assert!(judgements("The building required improvement work.").is_empty());
    assert_eq!(
        kinds("Police and health services were covered by a joint inspection.")[0].kind,
        InspectionKind::JointTargetedAreaInspection
    );
}

#[test]
fn kinds_as_news_words_them() {
    use InspectionKind::*;
    let kinds_of = |s: &str| kinds(s).into_iter().map(|k| k.kind).collect::<Vec<_>>();
    let cases: &[(&str, &[InspectionKind])] = &[
        (
            "It kept its rating after a short inspection in March.",
            &[FullInspection],
        ),
        (
            "the standard inspection by Ofsted rated them good",
            &[FullInspection],
        ),
        (
            "an inspection of local authority children's services (ILACS) published today",
            &[FullInspection],
        ),
        (
            "Inspectors carried out an assurance visit in 2021.",
            &[Other],
        ),
        (
            "Ofsted carried out a targeted inspection of the home.",
            &[Other],
        ),
        (
            "An interim inspection in 2023 found it had sustained effectiveness.",
            &[Other],
        ),
        (
            "The joint targeted area inspection (JTAI) took place in May.",
            &[JointTargetedAreaInspection, JointTargetedAreaInspection],
        ),
        (
            "Ofsted carried out a visit to the council in 2020.",
            &[Other],
        ),
        (
            "Ofsted also carried out an unannounced visit to the home.",
            &[Other],
        ),
        (
            "after Ofsted returned to the town for a further visit",
            &[Other],
        ),
        (
            "Inspectors carried out a focused visit in February.",
            &[FocusedVisit],
        ),
        (
            "Inspectors made a further monitoring visit in May.",
            &[MonitoringVisit],
        ),
    ];
    for (s, want) in cases {
        assert_eq!(&kinds_of(s), want, "{s}");
    }
    assert!(kinds_of("Targeted inspections are used when Ofsted has concerns.").is_empty());
    assert!(kinds_of("The council hopes Ofsted will carry out a further visit.").is_empty());
    assert!(kinds_of("A further monitoring visit is expected in the autumn.").is_empty());
    assert!(
        kinds_of("A targeted inspection of the youth justice service is due this year.").is_empty()
    );
}

#[test]
fn judgements_written_indirectly() {
    use Judgement::*;
    let cases: &[(&str, &[Judgement])] = &[
        ("The council has kept its good rating.", &[Good]),
        (
            "Children's services have lost their outstanding status.",
            &[Outstanding],
        ),
        ("The service has now dropped to inadequate.", &[Inadequate]),
        ("Its children's services were upgraded to good.", &[Good]),
        ("It was given the top rating by Ofsted.", &[Outstanding]),
        ("The council was handed the lowest grade.", &[Inadequate]),
        (
            "the trust, which Ofsted rated as requiring improvement in 2019",
            &[RequiresImprovement],
        ),
    ];
    for (s, want) in cases {
        assert_eq!(&judgements(s), want, "{s}");
    }
    assert_eq!(
        judgements("Children's services in Wirral require improvement, Ofsted said."),
        vec![RequiresImprovement]
    );
    assert!(judgements("The building requires improvement work.").is_empty());
    assert_eq!(
        judgements("It has been downgraded from good to requires improvement."),
        vec![Good, RequiresImprovement]
    );
    assert_eq!(
        judgements(
            "It was judged inadequate overall, though its services for care leavers were judged to require improvement."
        ),
        vec![Inadequate]
    );
    assert!(judgements("Each home had been rated good or better at its last visit.").is_empty());
    assert!(judgements("The care home was rated good by the Care Quality Commission.").is_empty());
    assert!(judgements("Councils judged requires improvement or worse fell to 37%.").is_empty());
}
