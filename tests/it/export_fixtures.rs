//! News-database exports for the import tests: six short articles written
//! for these tests, laid out as the common export formats lay them out.
//! Facts such as council names, judgements and outlet names are ordinary
//! public facts (the outlets are ones the extractor knows); the articles'
//! wording is ours and the stories are made up.

/// One article as an export holds it.
pub struct Story {
    pub headline: &'static str,
    pub outlet: &'static str,
    /// ISO date.
    pub date: &'static str,
    /// How an American-style export header writes the date.
    pub date_long: &'static str,
    /// How a British header writes it.
    pub date_uk: &'static str,
    pub byline: &'static str,
    pub body: &'static [&'static str],
}

impl Story {
    pub fn words(&self) -> usize {
        self.body.iter().map(|p| p.split_whitespace().count()).sum()
    }

    /// The file name import gives it.
    pub fn file_name(&self, slug: &str) -> String {
        format!("{}_{slug}.txt", self.date)
    }
}

pub const STORIES: [Story; 6] = [
    Story {
        headline: "Kent children's services rated good by inspectors",
        outlet: "KentOnline",
        date: "2019-03-12",
        date_long: "March 12, 2019 Tuesday",
        date_uk: "12 March 2019",
        byline: "Joanna Bell",
        body: &[
            "Children's services at Kent County Council have been rated good by Ofsted following a three-week inspection that ended in January.",
            "Inspectors said leaders knew their services well and that social workers were able to spend time with the children they support, helped by caseloads that had come down over the past year.",
            "The report found that some care leavers were still living in accommodation that did not meet their needs, and asked the council to act on this quickly.",
            "The council’s cabinet member for children said staff had worked hard for the result and would keep improving.",
        ],
    },
    Story {
        headline: "Sandwell trust makes progress at third monitoring visit",
        outlet: "Birmingham Mail",
        date: "2019-04-02",
        date_long: "April 2, 2019 Tuesday",
        date_uk: "2 April 2019",
        byline: "Samir Patel",
        body: &[
            "Inspectors carrying out the third monitoring visit to Sandwell Children's Trust found that managers had a clearer view of practice than at the previous visit.",
            "The letter published after the visit said that plans for children in need were more specific, though too many social workers still held high caseloads.",
            "Sandwell's services were judged inadequate in 2018, and the trust took over their running the same year.",
        ],
    },
    Story {
        headline: "Focused visit finds drift in Doncaster plans",
        outlet: "Yorkshire Post",
        date: "2019-11-05",
        date_long: "November 5, 2019 Tuesday",
        date_uk: "5 November 2019",
        byline: "Alex Turner",
        body: &[
            "A focused visit to Doncaster Children's Services Trust has found drift in the plans of some children who are subject to child protection plans.",
            "Inspectors looked at the experiences of children on the edge of care and said that, while most were seen regularly, actions agreed at meetings were not always followed up.",
            "The trust said it accepted the findings and had already begun an audit of the plans concerned.",
        ],
    },
    Story {
        headline: "Wigan fostering service judged outstanding",
        outlet: "Wigan Today",
        date: "2020-06-03",
        date_long: "June 3, 2020 Wednesday",
        date_uk: "3 June 2020",
        byline: "Patricia Hale",
        body: &[
            "The fostering service run by Wigan Council has been judged outstanding by Ofsted, the highest grade an inspection can give.",
            "Inspectors praised the support given to foster carers, including training and help available at any hour, and said children told them they felt part of their foster families.",
            "The council said the judgement belonged to its carers as much as to its staff.",
        ],
    },
    Story {
        headline: "Norfolk children's home told it requires improvement",
        outlet: "Eastern Daily Press",
        date: "2020-07-01",
        date_long: "July 1, 2020 Wednesday",
        date_uk: "1 July 2020",
        byline: "Chris Dale",
        body: &[
            "A children's home in Norfolk has been told it requires improvement to be good after an inspection in June.",
            "Inspectors found that records of incidents were not always completed and that the manager had not made sure staff received regular supervision.",
            "Young people living at the home spoke warmly of the staff who look after them, the report said.",
        ],
    },
    Story {
        headline: "Bradford children's services still inadequate, letter says",
        outlet: "Yorkshire Evening Post",
        date: "2020-09-15",
        date_long: "September 15, 2020 Tuesday",
        date_uk: "15 September 2020",
        byline: "Robin Shaw",
        body: &[
            "Children's services in Bradford remain inadequate, according to a letter published after a monitoring visit by Ofsted in August.",
            "Inspectors said the council had recruited more permanent social workers, but that the quality of assessments was still too variable and that managers did not always check decisions.",
            "A spokesperson for Bradford Council said it was determined to make the changes children deserved.",
        ],
    },
];

/// Slugs of the headlines, as import names files.
pub const SLUGS: [&str; 6] = [
    "kent-childrens-services-rated-good-by-inspectors",
    "sandwell-trust-makes-progress-at-third-monitoring-visit",
    "focused-visit-finds-drift-in-doncaster-plans",
    "wigan-fostering-service-judged-outstanding",
    "norfolk-childrens-home-told-it-requires-improvement",
    "bradford-childrens-services-still-inadequate-letter-says",
];

/// Story 2's body with one word changed, as a syndicating outlet ran it.
static NEAR_COPY_BODY: [&str; 3] = [
    "Inspectors carrying out the third monitoring visit to Sandwell Children's Trust found that managers had a clearer picture of practice than at the previous visit.",
    STORIES[1].body[1],
    STORIES[1].body[2],
];

/// The paragraphs of an export in the "End of Document" layout: a cover
/// page listing the documents, then per article the headline, outlet,
/// date, copyright, labelled fields, "Body", the body, "Load-Date:" and
/// "End of Document". Article 2 is followed by a near copy of itself
/// (one word changed) from another outlet.
pub fn end_of_document_paragraphs() -> Vec<String> {
    let mut out: Vec<String> = vec![
        "User Name: test".into(),
        "Date and Time: Friday, 4 December 2020 10:12:00 AM GMT".into(),
        "Job Number: 12345".into(),
        "Documents (7)".into(),
    ];
    for (i, s) in STORIES.iter().enumerate() {
        out.push(format!("{}. {}", i + 1, s.headline));
    }
    out.push("Client/Matter: -None-".into());
    let near_copy = Story {
        outlet: "Express & Star",
        body: &NEAR_COPY_BODY,
        ..STORIES[1]
    };
    let mut stories: Vec<&Story> = STORIES.iter().collect();
    stories.insert(2, &near_copy);
    for s in stories {
        out.push(s.headline.into());
        out.push(s.outlet.into());
        out.push(s.date_long.into());
        out.push(format!(
            "Copyright {} {} Ltd All Rights Reserved",
            &s.date[..4],
            s.outlet
        ));
        out.push("Section: NEWS; Pg. 7".into());
        out.push(format!("Length: {} words", s.words()));
        out.push(format!("Byline: {}", s.byline));
        out.push("Body".into());
        out.extend(s.body.iter().map(|p| p.to_string()));
        out.push(format!("Load-Date: {}", s.date_long));
        out.push("End of Document".into());
    }
    out
}

/// The paragraphs of an export in the word-count layout: per article the
/// headline, the byline ("By" on odd articles only), "N words", the date,
/// the outlet, and on even articles a source code, language and copyright
/// line, the body, and a "Document" id line. A seventh article is an exact
/// copy of the first from another outlet.
pub fn word_count_paragraphs() -> Vec<String> {
    let mut out = Vec::new();
    let copy = Story {
        outlet: "Kent Live",
        ..STORIES[0]
    };
    let mut stories: Vec<&Story> = STORIES.iter().collect();
    stories.push(&copy);
    for (i, s) in stories.iter().enumerate() {
        out.push(s.headline.to_string());
        out.push(if i % 2 == 0 {
            format!("By {}", s.byline)
        } else {
            s.byline.to_string()
        });
        out.push(format!("{} words", s.words()));
        out.push(s.date_uk.to_string());
        out.push(s.outlet.to_string());
        if i % 2 == 1 {
            out.push("NWSP".into());
            out.push("English".into());
            out.push(format!("(c) {} {} Media", &s.date[..4], s.outlet));
        }
        out.extend(s.body.iter().map(|p| p.to_string()));
        out.push(format!("Document NWSP0000{}0101eab{i}0000x", &s.date[..4]));
    }
    out
}

/// The paragraphs of an export in the numbered layout ("Document 3 of 6",
/// outlet, date, edition, headline, labelled fields, body, LOAD-DATE).
pub fn numbered_paragraphs() -> Vec<String> {
    let mut out = Vec::new();
    for (i, s) in STORIES.iter().enumerate() {
        out.push(format!("Document {} of {}", i + 1, STORIES.len()));
        out.push(s.outlet.to_string());
        out.push(s.date_long.to_string());
        out.push("Final Edition".into());
        if i == 3 {
            out.push(format!("HEADLINE: {}", s.headline));
        } else {
            out.push(s.headline.to_string());
        }
        out.push(format!("BYLINE: {}", s.byline));
        out.push("SECTION: NEWS; Pg. 12".into());
        out.push(format!("LENGTH: {} words", s.words()));
        out.extend(s.body.iter().map(|p| p.to_string()));
        out.push(format!("LOAD-DATE: {}", s.date_long));
        out.push("LANGUAGE: ENGLISH".into());
    }
    out
}

/// Paragraphs as a plain-text export writes them: one blank line between.
pub fn as_text(paragraphs: &[String]) -> String {
    let mut text = paragraphs.join("\n\n");
    text.push('\n');
    text
}
