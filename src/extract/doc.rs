//! The article as every pass sees it: the text, its lower-cased copy, its
//! layout (blocks, sentences), the council and trust names it mentions, and
//! its byline and publication date, found once.

use super::article;
use super::dates::PartialDate;
use super::layout::{self, BlockKind, Layout};
use super::mentions;
use crate::gazetteer::{Entity, Gazetteer, Mention};
use std::collections::HashMap;
use std::ops::Range;

/// The article text with what every part of the extractor shares.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    /// `text` with ASCII letters in lower case, at the same byte offsets:
    /// made once for every part that searches it.
    pub lower: String,
    pub layout: Layout,
    /// Council and trust names outside the footer, in text order.
    pub mentions: Vec<Mention>,
    pub byline: Option<String>,
    pub published: Option<PartialDate>,
    pub gazetteer: &'static Gazetteer,
    primary: Option<String>,
    /// The byline and dateline with their ranges, found once for the record.
    pub(super) byline_found: Option<article::Found<String>>,
    pub(super) published_found: Option<article::Found<PartialDate>>,
    one_council: bool,
    one_council_in_header: bool,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Self {
        let layout = layout::layout(text);
        let gazetteer = Gazetteer::get();
        let mentions = mentions::council_mentions(text, &layout, gazetteer);
        let byline_found = article::byline(text, &layout);
        let published_found = article::published(text, &layout);
        let byline = byline_found.as_ref().map(|b| b.value.clone());
        let published = published_found.as_ref().map(|p| p.value);
        let mut doc = Doc {
            text,
            lower: text.to_ascii_lowercase(),
            layout,
            mentions,
            byline,
            published,
            gazetteer,
            primary: None,
            byline_found,
            published_found,
            one_council: true,
            one_council_in_header: false,
        };
        doc.primary = doc.most_mentioned_council();
        doc.one_council = doc.all_names_one_council();
        doc.one_council_in_header = doc.header_names_one_council();
        doc
    }

    pub fn overlaps_entity(&self, r: &Range<usize>) -> bool {
        self.mentions
            .iter()
            .any(|m| m.start < r.end && r.start < m.end)
    }

    /// The council an entity stands for; for a trust serving several
    /// councils, the one the article also names.
    pub fn council_of(&self, entity: Entity) -> String {
        match entity {
            Entity::Council(_) => self.gazetteer.entity_council(entity).to_string(),
            Entity::Trust(t) => {
                let options = self.gazetteer.trust_councils(t);
                let named = options.iter().find(|c| {
                    self.mentions.iter().any(|m| {
                        matches!(m.entity, Entity::Council(_))
                            && self.gazetteer.entity_council(m.entity) == **c
                    })
                });
                named.or(options.first()).map_or_else(
                    || self.gazetteer.entity_council(entity).to_string(),
                    |c| c.to_string(),
                )
            }
        }
    }

    fn most_mentioned_council(&self) -> Option<String> {
        let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
        for (i, m) in self.mentions.iter().enumerate() {
            let e = counts.entry(self.council_of(m.entity)).or_insert((0, i));
            e.0 += 1;
        }
        counts
            .into_iter()
            .max_by_key(|(_, (n, first))| (*n, usize::MAX - first))
            .map(|(c, _)| c)
    }

    pub fn primary_council(&self) -> Option<&str> {
        self.primary.as_deref()
    }

    /// Whether every council or trust name in the article stands for the
    /// same council.
    pub fn names_one_council(&self) -> bool {
        self.one_council
    }

    /// Whether the headline and header lines name exactly one council,
    /// which an unnamed lede sentence is then about.
    pub fn names_one_council_in_header(&self) -> bool {
        self.one_council_in_header
    }

    fn header_names_one_council(&self) -> bool {
        let first_body = self
            .layout
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Body)
            .map_or(self.text.len(), |b| b.range.start);
        let mut councils = self
            .mentions
            .iter()
            .filter(|m| m.end <= first_body)
            .map(|m| self.council_of(m.entity));
        let Some(first) = councils.next() else {
            return false;
        };
        councils.all(|c| c == first)
    }

    fn all_names_one_council(&self) -> bool {
        let mut councils = self.mentions.iter().map(|m| self.council_of(m.entity));
        let first = councils.next();
        councils.all(|c| Some(&c) == first.as_ref())
    }

    /// The text of the last council or trust name before `at` in the same
    /// sentence ("Sandwell Children's Trust, which is chaired by ...").
    pub fn last_entity_name_before(&self, at: usize) -> Option<String> {
        let sentence_start = self
            .layout
            .sentence_at(at)
            .map_or(0, |i| self.layout.sentences[i].range.start);
        self.mentions
            .iter()
            .rev()
            .find(|m| m.end <= at && m.start >= sentence_start)
            .map(|m| self.text[m.start..m.end].replace('’', "'"))
    }

    /// A trust's or council's canonical name for an organisation named in
    /// text ("TfC" -> "Together for Children"), else the text itself.
    pub fn canonical_organisation(&self, surface: &str) -> String {
        let surface = surface.trim();
        match self.gazetteer.mentions(surface).first() {
            Some(m) if m.start == 0 && m.end == surface.len() => match m.entity {
                Entity::Trust(t) => self.gazetteer.trusts()[t].name.clone(),
                Entity::Council(_) => {
                    format!("{} Council", self.gazetteer.entity_council(m.entity))
                }
            },
            _ => surface.to_string(),
        }
    }

    /// The council a byte offset's sentence is about: a name in the
    /// sentence, else the last name before it, else the article's main one.
    pub fn council_at(&self, at: usize) -> Option<String> {
        let range = self
            .layout
            .sentence_at(at)
            .map_or(at..at, |i| self.layout.sentences[i].range.clone());
        // Mentions are in text order and do not overlap, so both searches
        // are binary rather than a scan per figure or finding.
        let first_inside = self.mentions.partition_point(|m| m.start < range.start);
        let inside = self
            .mentions
            .get(first_inside)
            .filter(|m| m.end <= range.end);
        let before = self.mentions[..first_inside]
            .iter()
            .rev()
            .find(|m| m.end <= range.start);
        inside
            .or(before)
            .map(|m| self.council_of(m.entity))
            .or_else(|| self.primary.clone())
    }
}
