//! Generated articles for the folder benchmarks and the app measurement:
//! about 5 KB each, in the genre, written for this project from a few
//! templates and lists, varied by a seeded generator so that every file
//! differs and the same seed always gives the same files.

use std::io::Write as _;
use std::path::{Path, PathBuf};

const COUNCILS: &[&str] = &[
    "Kent",
    "Leeds",
    "Norfolk",
    "Wirral",
    "Dudley",
    "Slough",
    "Croydon",
    "Bradford",
    "Suffolk",
    "Cumbria",
    "Lancashire",
    "Hampshire",
    "Barnet",
    "Walsall",
    "Torbay",
    "Peterborough",
    "Rochdale",
    "Sefton",
    "Swindon",
    "Medway",
    "Essex",
    "Derby",
    "Hull",
    "Bristol",
];
const JUDGEMENTS: &[&str] = &[
    "inadequate",
    "requires improvement to be good",
    "good",
    "outstanding",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FIRST_NAMES: &[&str] = &[
    "Ann", "Ben", "Cara", "Dev", "Ellen", "Femi", "Grace", "Hugo", "Isla", "Jonah", "Kiran", "Lena",
];
const SURNAMES: &[&str] = &[
    "Ashdown", "Burrows", "Carver", "Dunmore", "Ellery", "Fairley", "Gresham", "Holt", "Iqbal",
    "Jessop", "Kettle", "Lowther",
];
const ORDINALS: &[&str] = &["first", "second", "third", "fourth", "fifth", "sixth"];
const OUTLETS: &[&str] = &[
    "Community Care",
    "Children & Young People Now",
    "Local Gazette",
];

/// A small xorshift generator: the same seed gives the same articles.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The text of article `i`: about 5 KB of news about an inspection.
pub fn article_text(i: usize) -> String {
    let mut r = Rng(0x9E37_79B9_7F4A_7C15 ^ (i as u64 + 1).wrapping_mul(0x2545_F491_4F6C_DD1D));
    for _ in 0..4 {
        r.next();
    }
    let council = r.pick(COUNCILS);
    let other = r.pick(COUNCILS);
    let judgement = r.pick(JUDGEMENTS);
    let earlier = r.pick(JUDGEMENTS);
    let month = r.pick(MONTHS);
    let year = 2014 + r.below(10);
    let director = format!("{} {}", r.pick(FIRST_NAMES), r.pick(SURNAMES));
    let reporter = format!("{} {}", r.pick(FIRST_NAMES), r.pick(SURNAMES));
    let lead = format!("{} {}", r.pick(FIRST_NAMES), r.pick(SURNAMES));
    let outlet = r.pick(OUTLETS);
    let millions = 1 + r.below(9);
    let tenths = r.below(10);
    let percent = 5 + r.below(40);
    let workers = 10 + r.below(90);
    let visit = r.pick(ORDINALS);
    let mut text = format!(
        "{council} children's services judged {judgement} after Ofsted inspection\n\n\
         By {reporter}\n{day} {month} {year}\n\n\
         Children's services at {council} Council have been judged {judgement} by Ofsted \
         following a full inspection carried out over three weeks in {month} {year}. \
         The council was rated {earlier} at its previous inspection.\n\n\
         Inspectors said leaders had a realistic understanding of the service, but that \
         caseloads in the assessment teams were too high and that supervision of frontline \
         staff was not always regular enough to keep plans for children on track.\n\n\
         \u{201c}We welcome the report and accept every one of its recommendations. Our staff \
         work hard for children in {council} and we will build on what inspectors found,\u{201d} \
         said {director}, the council's director of children's services.\n\n\
         The council plans to spend an extra \u{a3}{millions}.{tenths} million over two years \
         to recruit {workers} permanent social workers, and agency staff now make up \
         {percent} per cent of the workforce.\n\n",
        day = 1 + r.below(28),
    );
    let paragraphs = [
        format!(
            "The inspection was led by {lead}, who found that children in care were seen \
             regularly by social workers who knew them well, and that most care leavers were \
             in suitable accommodation.\n\n"
        ),
        format!(
            "Elsewhere, {other} Council received its {visit} monitoring visit in {month}, where \
             inspectors found that progress since the last judgement had been too slow in \
             some teams.\n\n"
        ),
        "Inspectors warned that information sharing with health partners was inconsistent and \
         that strategy meetings did not always include the police, which delayed some \
         decisions about children at risk of harm.\n\n"
            .to_string(),
        "The report praised the work of the fostering service and the way young people's views \
         were gathered and used to shape services, including a new advice line run with care \
         leavers.\n\n"
            .to_string(),
        format!(
            "Local councillors said the findings showed that investment was starting to make a \
             difference, though they cautioned that demand for help had risen by {percent} per \
             cent in the past year.\n\n"
        ),
    ];
    while text.len() < 4_800 {
        let p = &paragraphs[r.below(paragraphs.len() as u64) as usize];
        text.push_str(p);
    }
    text.push_str(&format!("More from {outlet}\n"));
    text
}

/// Writes `count` generated articles into `dir` (created if missing) as
/// `article-00001.txt`, ..., spread over sub-folders of 500, and returns
/// their paths.
pub fn write_articles(dir: &Path, count: usize) -> std::io::Result<Vec<PathBuf>> {
    let mut paths = Vec::with_capacity(count);
    for i in 0..count {
        let folder = dir.join(format!("batch-{:02}", i / 500));
        if i % 500 == 0 {
            std::fs::create_dir_all(&folder)?;
        }
        let path = folder.join(format!("article-{i:05}.txt"));
        let mut file = std::fs::File::create(&path)?;
        file.write_all(article_text(i).as_bytes())?;
        paths.push(path);
    }
    Ok(paths)
}
