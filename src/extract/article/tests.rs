use super::*;
use crate::extract::layout::layout;

const ARTICLE: &str = "Council told to improve after damning verdict\n\nBy Jane Doe, social affairs reporter\nTuesday 2nd October 2018\n\nInspectors said the council's children's services were inadequate in almost every respect, a report found.\n\nMore from CYP Now\n\nSubscribe";

#[test]
fn header_fields() {
    let l = layout(ARTICLE);
    let h = headline(ARTICLE, &l).expect("headline");
    assert_eq!(h.value, "Council told to improve after damning verdict");
    let b = byline(ARTICLE, &l).expect("byline");
    assert_eq!(b.value, "Jane Doe");
    assert_eq!(&ARTICLE[b.range.clone()], "Jane Doe");
    let p = published(ARTICLE, &l).expect("date");
    assert_eq!(p.value.to_iso(), "2018-10-02");
    assert_eq!(&ARTICLE[p.range.clone()], "Tuesday 2nd October 2018");
    let o = outlet(ARTICLE, &l).expect("outlet");
    assert_eq!(o.value, "CYP Now");
    assert_eq!(&ARTICLE[o.range.clone()], "CYP Now");
}

#[test]
fn captions_and_credits_are_not_bylines() {
    let t = "Headline of the piece\n\nPhoto: agency/Fotolia\nTown Hall\n\nA long enough first paragraph of the article that is clearly prose text.";
    let l = layout(t);
    assert_eq!(byline(t, &l), None);
}

#[test]
fn outlet_from_a_told_mention() {
    let t = "Headline\n\nThe director told Community Care that the council would appeal against the findings of the report.";
    let l = layout(t);
    assert_eq!(
        outlet(t, &l).map(|o| o.value),
        Some("Community Care".to_string())
    );
}

fn outlet_of(t: &str) -> Option<String> {
    outlet(t, &layout(t)).map(|o| o.value)
}

const BODY: &str = "A long enough first paragraph of the article that is clearly prose text here.";

#[test]
fn outlet_from_an_alias_in_the_furniture() {
    let t = format!(
        "Headline\n\n{BODY}\n\n---\n\n*This article first appeared in Children and Young People Now.*"
    );
    assert_eq!(outlet_of(&t), Some("CYP Now".to_string()));
    let t = format!("Headline\n\n{BODY}\n\nMore news from KentOnline");
    assert_eq!(outlet_of(&t), Some("KentOnline".to_string()));
}

#[test]
fn outlet_from_a_bare_domain() {
    let t = format!("Headline\n\n{BODY}\n\nwigantoday.net");
    assert_eq!(outlet_of(&t), Some("Wigan Today".to_string()));
}

#[test]
fn outlet_as_subject_of_an_outlet_verb() {
    let t = format!(
        "Headline\n\n{BODY}\n\nLGC has asked the council for its response to the report on its services."
    );
    assert_eq!(
        outlet_of(&t),
        Some("Local Government Chronicle".to_string())
    );
}

#[test]
fn press_release_issued_by_a_council() {
    let t = format!(
        "PRESS RELEASE\n\nHeadline of the release\n\n{BODY}\n\nNotes to editors\n\nIssued by the Slough Borough Council communications team."
    );
    assert_eq!(outlet_of(&t), Some("Slough Borough Council".to_string()));
    assert_eq!(
        headline(&t, &layout(&t)).map(|h| h.value),
        Some("Headline of the release".to_string())
    );
}

#[test]
fn markdown_marks_are_not_part_of_the_values() {
    let t = format!("# Council rated good\n\n*By Ann Lee*\n\n*March 13, 2019*\n\n{BODY}");
    let l = layout(&t);
    let h = headline(&t, &l).expect("headline");
    assert_eq!(&t[h.range.clone()], "Council rated good");
    let b = byline(&t, &l).expect("byline");
    assert_eq!(&t[b.range.clone()], "Ann Lee");
    assert_eq!(
        published(&t, &l).map(|p| p.value.to_iso()),
        Some("2019-03-13".to_string())
    );
}

fn byline_of(header: &str) -> Option<String> {
    let t = format!("Council told to improve\n\n{header}\n\n{BODY}");
    byline(&t, &layout(&t)).map(|b| {
        assert_eq!(t[b.range.clone()], b.value);
        b.value
    })
}

#[test]
fn bylines_with_labels_run_together_or_between_bars() {
    assert_eq!(
        byline_of("Words: Tom Briggs"),
        Some("Tom Briggs".to_string())
    );
    assert_eq!(
        byline_of("Words by Tom Briggs"),
        Some("Tom Briggs".to_string())
    );
    assert_eq!(
        byline_of("ByTom Briggs Chief Reporter"),
        Some("Tom Briggs".to_string())
    );
    assert_eq!(
        byline_of("ByTom Briggs, Education Correspondent"),
        Some("Tom Briggs".to_string())
    );
    assert_eq!(
        byline_of("Liverpool Echo | Tue, 2 Mar 2021 | Tom Briggs"),
        Some("Tom Briggs".to_string())
    );
    assert_eq!(
        byline_of("Liverpool Echo • 2 March 2021 • By Tom Briggs"),
        Some("Tom Briggs".to_string())
    );
    assert_eq!(
        byline_of("Liverpool Echo | Tuesday 2 March 2021 | By Tom Briggs"),
        Some("Tom Briggs".to_string())
    );
}

#[test]
fn labels_and_bars_without_a_name_give_no_byline() {
    assert_eq!(byline_of("Words: 600"), None);
    assert_eq!(byline_of("By Ofsted inspectors"), None);
    assert_eq!(byline_of("Byron Council news"), None);
    assert_eq!(byline_of("News | Education | Children"), None);
    // Scraped lines run a name into the next field.
    assert_eq!(byline_of("ByTom BriggsLiverpool Echo"), None);
}

#[test]
fn outlet_from_a_closing_line_that_promotes_it() {
    let t = format!("Headline\n\n{BODY}\n\nGot a story? Email the Liverpool Echo newsdesk.");
    assert_eq!(outlet_of(&t), Some("Liverpool Echo".to_string()));
    let t =
        format!("Headline\n\n{BODY}\n\nKeep up with all the latest news from the Sunderland Echo.");
    assert_eq!(outlet_of(&t), Some("Sunderland Echo".to_string()));
    let t = format!("Headline\n\n{BODY}\n\nThis story first appeared in the Liverpool Echo.");
    assert_eq!(outlet_of(&t), Some("Liverpool Echo".to_string()));
    // Naming another outlet is not promoting it.
    let t = format!(
        "Headline\n\n{BODY}\n\nThe figures were first reported by the Liverpool Echo last year."
    );
    assert_eq!(outlet_of(&t), None);
}

#[test]
fn a_publishing_company_in_the_footer_gives_way_to_the_outlet() {
    let t = format!(
        "Headline\n\n{BODY}\n\nGot a story? Email the Liverpool Echo newsdesk.\n\n© 2021 Example Media Publishing Ltd. All rights reserved."
    );
    assert_eq!(outlet_of(&t), Some("Liverpool Echo".to_string()));
}

#[test]
fn datelines_with_month_names_in_capitals() {
    let t =
        format!("Council told to improve\n\nByTom Briggs Reporter\n09:15, 4 FEB 2020\n\n{BODY}");
    let p = published(&t, &layout(&t)).expect("date");
    assert_eq!(p.value.to_iso(), "2020-02-04");
    assert_eq!(&t[p.range.clone()], "4 FEB 2020");
    let t = format!("Council told to improve\n\nUPDATED: MARCH 3, 2021\n\n{BODY}");
    assert_eq!(
        published(&t, &layout(&t)).map(|p| p.value.to_iso()),
        Some("2021-03-03".to_string())
    );
}

#[test]
fn unknown_outlet_from_copyright_footer() {
    let t = "Headline\n\nA long enough first paragraph of the article that is clearly prose text here.\n\n© Wessex Courier 2019";
    let l = layout(t);
    assert_eq!(
        outlet(t, &l).map(|o| o.value),
        Some("Wessex Courier".to_string())
    );
}

#[test]
fn outlet_from_a_row_added_to_the_outlet_list() {
    let t = format!(
        "Headline\n\n{BODY}\n\nThe director told the Bath Chronicle that the council would appeal."
    );
    assert_eq!(outlet_of(&t), Some("Bath Chronicle".to_string()));
}

#[test]
fn bylines_in_capitals_or_before_the_date() {
    let t = format!("Council told to improve\n\nBy TOM O'BRIGGS, CHIEF REPORTER\n\n{BODY}");
    let b = byline(&t, &layout(&t)).expect("byline");
    assert_eq!(b.value, "Tom O'Briggs");
    assert_eq!(&t[b.range.clone()], "TOM O'BRIGGS");
    assert_eq!(
        byline_of("Tom Briggs 08 February 2024"),
        Some("Tom Briggs".to_string())
    );
    assert_eq!(byline_of("BY OFSTED INSPECTORS"), None);
}

#[test]
fn a_letter_has_no_byline_in_its_address_block() {
    let t = format!(
        "Ofsted\nAgora House\nSome Street\n\n2 May 2019\n\nAnn Lee\nDirector of Children's Services\n\nDear Ms Lee\n\nFocused visit to Fenland children's services\n\n{BODY}"
    );
    let l = layout(&t);
    assert_eq!(byline(&t, &l), None);
    assert_eq!(
        headline(&t, &l).map(|h| h.value),
        Some("Focused visit to Fenland children's services".to_string())
    );
    assert_eq!(outlet(&t, &l).map(|o| o.value), Some("Ofsted".to_string()));
}

#[test]
fn an_unlisted_paper_named_in_the_header_or_cited() {
    let t = format!("Council told to improve\n\nFenland Post | 2 May 2021 | Tom Briggs\n\n{BODY}");
    assert_eq!(outlet_of(&t), Some("Fenland Post".to_string()));
    let t = format!("Council told to improve\n\nBy Tom Briggs, Chief Reporter\n\n{BODY}");
    assert_eq!(outlet_of(&t), None);
    let t = format!(
        "Council told to improve\n\n{BODY}\n\nThe leader told the Fenland Post the council would appeal."
    );
    assert_eq!(outlet_of(&t), Some("Fenland Post".to_string()));
    let t = format!(
        "Council told to improve\n\n{BODY}\n\nThe leader told the Local Democracy Reporter the council would appeal."
    );
    assert_eq!(outlet_of(&t), None);
}

#[test]
fn wire_credits_are_not_the_outlet() {
    let t = format!(
        "Council told to improve\n\nBy Tom Briggs, PA Social Affairs Correspondent\n\n{BODY}\n\n- Press Association"
    );
    assert_eq!(outlet_of(&t), None);
    let t = format!(
        "Council told to improve\n\nBy Tom Briggs\nLocal Democracy Reporting Service\n\n{BODY}\n\nSign up to the Fenland Post newsletter for more."
    );
    assert_eq!(outlet_of(&t), Some("Fenland Post".to_string()));
}

#[test]
fn a_date_under_its_label_line() {
    let t = format!(
        "Council told to improve\n\n{BODY}\n\nFrom:\nOfsted\nPublished\n2 May 2023\n\n{BODY}"
    );
    assert_eq!(
        published(&t, &layout(&t)).map(|p| p.value.to_iso()),
        Some("2023-05-02".to_string())
    );
    // Links to other stories in the footer carry their own dates.
    let t = format!(
        "Council told to improve\n\n{BODY}\n\nMore on this story\n\nOther story\nPublished\n2 May 2023"
    );
    assert_eq!(published(&t, &layout(&t)), None);
}

#[test]
fn no_break_spaces_read_as_spaces() {
    let t = format!("# Council told to improve\n\nPosted on 2 May 2021 by Tom Briggs\n\n{BODY}\n\nLGC will publish the report.\n\nFollow BBC Kent on Facebook.")
        .replace(' ', "\u{a0}");
    let l = layout(&t);
    assert_eq!(
        headline(&t, &l).map(|h| t[h.range].to_string()),
        Some("Council\u{a0}told\u{a0}to\u{a0}improve".to_string())
    );
    assert_eq!(
        byline(&t, &l).map(|b| b.value),
        Some("Tom\u{a0}Briggs".to_string())
    );
    assert_eq!(
        outlet(&t, &l).map(|o| o.value),
        Some("BBC Kent".to_string())
    );
}

#[test]
fn a_regional_brand_in_the_footer_beats_a_bare_masthead_and_a_standfirst_citation() {
    let t = format!("BBC\n\nCouncil told to improve\n\n{BODY}\n\nFollow BBC Kent on Facebook.");
    assert_eq!(outlet_of(&t), Some("BBC Kent".to_string()));
    let t = format!(
        "Council told to improve\n\nThe leader told the BBC it was a wake-up call\n\n{BODY}"
    );
    assert_eq!(outlet_of(&t), None);
}

#[test]
fn a_byline_below_the_lede_and_its_dateline() {
    let t = "Services still not good enough\n\nChildren's services in Wigan remain inadequate, inspectors have warned, after a further visit.\n\nPublished 21st February 2024\nAnn Lee, chief reporter\n\nThe service has been in special measures since 2021, when it was rated inadequate.\n";
    let b = byline(t, &layout(t)).expect("byline");
    assert_eq!(b.value, "Ann Lee");
    let no_date = "Services still not good enough\n\nChildren's services in Wigan remain inadequate, inspectors have warned, after a further visit.\n\nAnn Lee, chief reporter\n\nThe service has been in special measures since 2021.\n";
    assert_eq!(byline(no_date, &layout(no_date)), None);
}
