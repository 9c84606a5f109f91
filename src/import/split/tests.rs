use super::*;

const END_OF_DOCUMENT_EXPORT: &str = "\
Search results: 2 documents
Prepared for a test

Kent children's services rated good

Kentish Gazette

March 12, 2019 Tuesday

Copyright 2019 Gazette Media Ltd All Rights Reserved

Section: NEWS; Pg. 4
Length: 38 words
Byline: Jo Bloggs

Body

Children's services in Kent have been rated good by Ofsted after an inspection in January, the council said on Monday.

Inspectors praised the stable workforce.

Load-Date: March 13, 2019

End of Document

Sandwell trust makes progress, say inspectors

Midland Courier

April 2, 2019 Tuesday

Length: 20 words

Body

Inspectors on a monitoring visit found that Sandwell Children's Trust had made progress since the last visit in the winter.

Load-Date: April 3, 2019

End of Document
";

#[test]
fn end_of_document_exports_are_split_with_their_fields() {
    let split = split_export(END_OF_DOCUMENT_EXPORT);
    assert_eq!(split.layout, ExportLayout::EndOfDocument);
    assert_eq!(split.articles.len(), 2, "{:#?}", split.articles);
    let a = &split.articles[0];
    assert_eq!(a.position, 1);
    assert_eq!(
        a.headline.as_deref(),
        Some("Kent children's services rated good")
    );
    assert_eq!(a.outlet.as_deref(), Some("Kentish Gazette"));
    assert_eq!(a.date.map(Date::iso).as_deref(), Some("2019-03-12"));
    assert_eq!(a.byline.as_deref(), Some("Jo Bloggs"));
    assert_eq!(a.words, Some(38));
    assert!(
        a.body.starts_with("Children's services in Kent"),
        "{}",
        a.body
    );
    assert!(a.body.ends_with("stable workforce."), "{}", a.body);
    let b = &split.articles[1];
    assert_eq!(b.outlet.as_deref(), Some("Midland Courier"));
    assert_eq!(b.byline, None);
    assert_eq!(b.position, 2);
}

#[test]
fn numbered_documents_are_split_with_their_fields() {
    let export = "\
                   1 of 2 DOCUMENTS

                   Northern Record

                   June 3, 2020 Wednesday
                   First Edition

Wigan fostering service judged outstanding

BYLINE: Sam Example

SECTION: NEWS; Pg. 9

LENGTH: 30 words

Ofsted has judged the fostering service run by Wigan Council to be outstanding, the highest grade, after a visit in May.

LOAD-DATE: June 4, 2020

                   2 of 2 DOCUMENTS

                   Coastal Times

                   July 1, 2020 Wednesday

HEADLINE: Norfolk home told to improve

LENGTH: 25 words

A children's home in Norfolk has been told it requires improvement to be good, inspectors said in a report published today.
";
    let split = split_export(export);
    assert_eq!(split.layout, ExportLayout::NumberedDocuments);
    assert_eq!(split.articles.len(), 2, "{:#?}", split.articles);
    let a = &split.articles[0];
    assert_eq!(
        a.headline.as_deref(),
        Some("Wigan fostering service judged outstanding")
    );
    assert_eq!(a.outlet.as_deref(), Some("Northern Record"));
    assert_eq!(a.date.map(Date::iso).as_deref(), Some("2020-06-03"));
    assert_eq!(a.byline.as_deref(), Some("Sam Example"));
    assert!(a.body.starts_with("Ofsted has judged"), "{}", a.body);
    assert!(!a.body.contains("LOAD-DATE"), "{}", a.body);
    let b = &split.articles[1];
    assert_eq!(b.headline.as_deref(), Some("Norfolk home told to improve"));
    assert_eq!(b.outlet.as_deref(), Some("Coastal Times"));
}

#[test]
fn word_count_blocks_are_split_with_their_fields() {
    let export = "\
Doncaster trust focused visit finds drift
By Alex Writer
412 words
5 November 2019
Yorkshire Evening Echo
YEE
English
(c) 2019 Echo Media

Inspectors on a focused visit to Doncaster Children's Services Trust found drift in plans for some children, the report said.

A second paragraph ends the article.

Document YEE0000020191105efb50001a

Bradford council told children's services still inadequate
Pat Reporter
250 words
6 November 2019
Bradford Daily Post

Bradford's children's services remain inadequate, according to Ofsted, whose monitoring visit found too little progress.
";
    let split = split_export(export);
    assert_eq!(split.layout, ExportLayout::WordCountBlocks);
    assert_eq!(split.articles.len(), 2, "{:#?}", split.articles);
    let a = &split.articles[0];
    assert_eq!(
        a.headline.as_deref(),
        Some("Doncaster trust focused visit finds drift")
    );
    assert_eq!(a.byline.as_deref(), Some("Alex Writer"));
    assert_eq!(a.words, Some(412));
    assert_eq!(a.date.map(Date::iso).as_deref(), Some("2019-11-05"));
    assert_eq!(a.outlet.as_deref(), Some("Yorkshire Evening Echo"));
    assert!(a.body.ends_with("ends the article."), "{}", a.body);
    let b = &split.articles[1];
    assert_eq!(b.byline.as_deref(), Some("Pat Reporter"));
    assert_eq!(b.outlet.as_deref(), Some("Bradford Daily Post"));
}

#[test]
fn a_plain_article_is_one_article() {
    let split = split_export(
        "Kent rated good\n\nBy Jo Bloggs\n12 March 2019\n\nChildren's services in Kent were \
             rated good by Ofsted inspectors, who praised leaders, in a report out today.\n",
    );
    assert_eq!(split.layout, ExportLayout::Single);
    assert_eq!(split.articles.len(), 1);
    let a = &split.articles[0];
    assert_eq!(a.headline.as_deref(), Some("Kent rated good"));
    assert_eq!(a.byline.as_deref(), Some("Jo Bloggs"));
    assert_eq!(a.date.map(Date::iso).as_deref(), Some("2019-03-12"));
}

#[test]
fn the_article_text_puts_the_fields_first() {
    let a = ExportArticle {
        position: 1,
        headline: Some("Kent rated good".into()),
        outlet: Some("Kentish Gazette".into()),
        date: dateline("March 12, 2019"),
        date_text: None,
        byline: Some("Jo Bloggs".into()),
        words: Some(10),
        body: "First.\n\nSecond.".into(),
    };
    assert_eq!(
        a.article_text(),
        "Kent rated good\n\nBy Jo Bloggs\n12 March 2019\nKentish Gazette\n\nFirst.\n\nSecond.\n"
    );
}

#[test]
fn lines_starting_with_multibyte_characters_do_not_break_the_byline_check() {
    // "a€" puts a character boundary inside the first three bytes.
    let split = split_export(
        "a€ headline\n\nBy\n\nBy €uro Writer\n12 March 2019\n\nInspectors found that leaders in Kent had a firm grip on practice, the report said today.\n",
    );
    let a = &split.articles[0];
    assert_eq!(a.headline.as_deref(), Some("a€ headline"));
    assert_eq!(a.byline.as_deref(), Some("€uro Writer"));
}

proptest::proptest! {
    #[test]
    fn any_text_splits_without_panicking(
        lines in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::string::string_regex("[A-Za-z€é ,.:'-]{0,40}").expect("regex"),
                proptest::strategy::Just("End of Document".to_string()),
                proptest::strategy::Just("Document 1 of 2".to_string()),
                proptest::strategy::Just("612 words".to_string()),
                proptest::strategy::Just("Body".to_string()),
                proptest::strategy::Just("Byline: ".to_string()),
                proptest::strategy::Just("12 March 2019".to_string()),
                proptest::strategy::Just(String::new()),
            ],
            0..40,
        )
    ) {
        let split = split_export(&lines.join("\n"));
        for (i, a) in split.articles.iter().enumerate() {
            proptest::prop_assert_eq!(a.position, i + 1);
            proptest::prop_assert!(!a.body.is_empty());
            let _ = a.article_text();
        }
    }
}
