//! Timeline data: lanes of councils, each followed by the lanes of the
//! providers inspected under it, grouped under region headings; one point
//! per dated inspection.

use super::{Corpus, InspectionRow, Subject, service_label};
use crate::model::{InspectionKind, Judgement, Service};
use std::collections::HashMap;

/// The heading over providers inspected without a council.
pub const INDEPENDENT_PROVIDERS: &str = "Independent providers";
/// The heading over councils the gazetteer does not know.
pub const NOT_IN_GAZETTEER: &str = "Not in the gazetteer";

/// How lanes are ordered, top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LaneOrder {
    /// Under a heading per region (by name), councils by name; councils
    /// outside the gazetteer, then independent providers, last.
    #[default]
    RegionThenName,
    /// Councils with the most events (their providers' included) first,
    /// then by name, without region headings; independent providers last.
    MostEvents,
}

/// What a lane stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LaneKind {
    /// A heading over the lanes below it (a region, [`NOT_IN_GAZETTEER`],
    /// [`INDEPENDENT_PROVIDERS`]); it has no points.
    Heading,
    /// A council's children's services, run by the council or a trust. A
    /// council whose only points are its providers' has a lane without
    /// points, above theirs.
    Council,
    /// A provider's service (a children's home, a fostering or adoption
    /// agency, ...), under its council or under [`INDEPENDENT_PROVIDERS`].
    Provider,
}

/// One lane of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub kind: LaneKind,
    /// What the lane is labelled: the heading, the council (canonical when
    /// in the gazetteer), or the provider's name ("children's home
    /// (provider not named)" when the records name none).
    pub label: String,
    /// The council of a council lane or of a provider lane under one.
    pub council: Option<String>,
    pub region: Option<&'static str>,
    /// The services of a provider lane's points, in [`super::SERVICES`]'s
    /// order; empty for other lanes.
    pub services: Vec<Service>,
    /// Number of points in the lane; for a heading, in the lanes under it.
    pub events: usize,
}

/// How a point is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PointShape {
    /// A judgement of a council's children's services: a round marker
    /// coloured by it.
    Marker,
    /// A judgement of a provider's service: a diamond coloured by it.
    ProviderMarker,
    /// A visit or another event without a judgement: a tick.
    Tick,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelinePoint {
    /// Index into [`Timeline::lanes`].
    pub lane: usize,
    /// Fractional year (see [`crate::model::PartialDate::fractional_year`]).
    pub x: f64,
    pub judgement: Option<Judgement>,
    pub kind: InspectionKind,
    pub shape: PointShape,
    /// Index into [`Corpus::rows`].
    pub row: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Timeline {
    pub lanes: Vec<Lane>,
    /// Ordered by lane, then by `x`.
    pub points: Vec<TimelinePoint>,
    /// Rows left out because they have no valid date.
    pub undated: usize,
    /// Dated rows of a council's children's services left out because they
    /// name no council.
    pub without_council: usize,
    /// The smallest and largest `x`, when there are points.
    pub x_range: Option<(f64, f64)>,
}

/// A lane while the points are gathered, before the lanes are ordered.
struct Gathered<'a> {
    council: Option<&'a str>,
    region: Option<&'static str>,
    subject: &'a Subject,
    label: String,
    services: Vec<Service>,
    events: usize,
}

/// A council with its providers' lanes (indices into the gathered lanes).
struct Group<'a> {
    council: &'a str,
    region: Option<&'static str>,
    own: Option<usize>,
    providers: Vec<usize>,
    events: usize,
}

impl Corpus {
    /// The timeline of `rows` (indices into [`Corpus::rows`], typically the
    /// filtered ones), lanes in `order`.
    pub fn timeline(&self, rows: &[usize], order: LaneOrder) -> Timeline {
        let mut timeline = Timeline::default();
        let mut lane_of: HashMap<(Option<&str>, &Subject), usize> = HashMap::new();
        let mut gathered: Vec<Gathered<'_>> = Vec::new();
        // Per point: gathered lane, x, row.
        let mut raw: Vec<(usize, f64, usize)> = Vec::new();
        for &i in rows {
            let Some(row) = self.rows.get(i) else {
                continue;
            };
            let Some(date) = row.parsed_date else {
                timeline.undated += 1;
                continue;
            };
            let council = row.council.as_deref();
            if council.is_none() && !row.is_provider() {
                timeline.without_council += 1;
                continue;
            }
            let lane = *lane_of.entry((council, &row.subject)).or_insert_with(|| {
                gathered.push(Gathered {
                    council,
                    region: row.region,
                    subject: &row.subject,
                    label: lane_label(row),
                    services: Vec::new(),
                    events: 0,
                });
                gathered.len() - 1
            });
            let g = &mut gathered[lane];
            g.events += 1;
            if row.is_provider() && !g.services.contains(&row.service) {
                g.services.push(row.service);
            }
            raw.push((lane, date.fractional_year(), i));
        }

        let (lanes, new_index) = order_lanes(&gathered, order);
        let mut points: Vec<TimelinePoint> = raw
            .into_iter()
            .filter_map(|(lane, x, i)| {
                let row = self.rows.get(i)?;
                Some(TimelinePoint {
                    lane: new_index[lane],
                    x,
                    judgement: row.judgement,
                    kind: row.kind,
                    shape: point_shape(row),
                    row: i,
                })
            })
            .collect();
        points.sort_by(|a, b| a.lane.cmp(&b.lane).then(a.x.total_cmp(&b.x)));
        timeline.lanes = lanes;
        timeline.x_range = points
            .iter()
            .map(|p| p.x)
            .fold(None, |range, x| match range {
                None => Some((x, x)),
                Some((lo, hi)) => Some((f64::min(lo, x), f64::max(hi, x))),
            });
        timeline.points = points;
        timeline
    }
}

fn point_shape(row: &InspectionRow) -> PointShape {
    match (row.judgement, row.is_provider()) {
        (None, _) => PointShape::Tick,
        (Some(_), false) => PointShape::Marker,
        (Some(_), true) => PointShape::ProviderMarker,
    }
}

fn lane_label(row: &InspectionRow) -> String {
    match (
        &row.subject,
        row.provider.as_deref(),
        row.council.as_deref(),
    ) {
        (Subject::Council, _, Some(council)) => council.to_string(),
        (_, Some(provider), _) => provider.to_string(),
        _ => format!("{} (provider not named)", service_label(row.service)),
    }
}

fn by_name(a: &str, b: &str) -> std::cmp::Ordering {
    a.to_lowercase()
        .cmp(&b.to_lowercase())
        .then_with(|| a.cmp(b))
}

/// Orders the gathered lanes into groups under headings; returns the lanes
/// and, per gathered lane, its index among them.
fn order_lanes(gathered: &[Gathered<'_>], order: LaneOrder) -> (Vec<Lane>, Vec<usize>) {
    let mut groups: Vec<Group<'_>> = Vec::new();
    let mut group_of: HashMap<&str, usize> = HashMap::new();
    let mut independent: Vec<usize> = Vec::new();
    for (i, g) in gathered.iter().enumerate() {
        let Some(council) = g.council else {
            independent.push(i);
            continue;
        };
        let at = *group_of.entry(council).or_insert_with(|| {
            groups.push(Group {
                council,
                region: g.region,
                own: None,
                providers: Vec::new(),
                events: 0,
            });
            groups.len() - 1
        });
        let group = &mut groups[at];
        group.events += g.events;
        if *g.subject == Subject::Council {
            group.own = Some(i);
        } else {
            group.providers.push(i);
        }
    }
    let by_events = |a: &usize, b: &usize| {
        let (a, b) = (&gathered[*a], &gathered[*b]);
        b.events
            .cmp(&a.events)
            .then_with(|| by_name(&a.label, &b.label))
    };
    match order {
        LaneOrder::RegionThenName => {
            groups.sort_by(|a, b| {
                (a.region.is_none(), a.region)
                    .cmp(&(b.region.is_none(), b.region))
                    .then_with(|| by_name(a.council, b.council))
            });
            for g in &mut groups {
                g.providers
                    .sort_by(|a, b| by_name(&gathered[*a].label, &gathered[*b].label));
            }
            independent.sort_by(|a, b| by_name(&gathered[*a].label, &gathered[*b].label));
        }
        LaneOrder::MostEvents => {
            groups.sort_by(|a, b| {
                b.events
                    .cmp(&a.events)
                    .then_with(|| by_name(a.council, b.council))
            });
            for g in &mut groups {
                g.providers.sort_by(by_events);
            }
            independent.sort_by(by_events);
        }
    }

    let mut lanes: Vec<Lane> = Vec::new();
    let mut new_index = vec![0; gathered.len()];
    let mut heading: Option<usize> = None;
    let push = |lanes: &mut Vec<Lane>, heading: Option<usize>, lane: Lane| {
        if let Some(h) = heading {
            lanes[h].events += lane.events;
        }
        lanes.push(lane);
        lanes.len() - 1
    };
    let provider_lane = |i: usize| {
        let g = &gathered[i];
        let mut services = g.services.clone();
        services.sort_by_key(|s| super::SERVICES.iter().position(|x| x == s));
        Lane {
            kind: LaneKind::Provider,
            label: g.label.clone(),
            council: g.council.map(str::to_string),
            region: g.region,
            services,
            events: g.events,
        }
    };
    for (n, group) in groups.iter().enumerate() {
        let title = group.region.unwrap_or(NOT_IN_GAZETTEER);
        let new_heading = order == LaneOrder::RegionThenName
            && (n == 0 || groups[n - 1].region.unwrap_or(NOT_IN_GAZETTEER) != title);
        if new_heading {
            lanes.push(heading_lane(title, group.region));
            heading = Some(lanes.len() - 1);
        }
        let own = Lane {
            kind: LaneKind::Council,
            label: group.council.to_string(),
            council: Some(group.council.to_string()),
            region: group.region,
            services: Vec::new(),
            events: group.own.map_or(0, |i| gathered[i].events),
        };
        let at = push(&mut lanes, heading, own);
        if let Some(i) = group.own {
            new_index[i] = at;
        }
        for &i in &group.providers {
            new_index[i] = push(&mut lanes, heading, provider_lane(i));
        }
    }
    if !independent.is_empty() {
        lanes.push(heading_lane(INDEPENDENT_PROVIDERS, None));
        heading = Some(lanes.len() - 1);
        for &i in &independent {
            new_index[i] = push(&mut lanes, heading, provider_lane(i));
        }
    }
    (lanes, new_index)
}

fn heading_lane(title: &str, region: Option<&'static str>) -> Lane {
    Lane {
        kind: LaneKind::Heading,
        label: title.to_string(),
        council: None,
        region,
        services: Vec::new(),
        events: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::super::CorpusFilter;
    use super::super::test_support::*;
    use super::*;
    use crate::model::Status;

    fn sample() -> Corpus {
        let mut a = record("a.txt", Status::Reviewed);
        a.inspections
            .push(inspection(Some("Leeds"), "2018-10", Some(Judgement::Good)));
        a.inspections
            .push(visit("Kent", "2019", InspectionKind::MonitoringVisit));
        a.inspections.push(inspection(
            Some("Kent"),
            "2017-01-01",
            Some(Judgement::Inadequate),
        ));
        let mut b = record("b.txt", Status::Reviewed);
        b.inspections
            .push(visit("Bradford", "2020-04", InspectionKind::FocusedVisit));
        b.inspections.push(inspection(
            Some("Bradford"),
            "",
            Some(Judgement::Inadequate),
        ));
        b.inspections
            .push(inspection(Some("Atlantis"), "2016", None));
        b.inspections
            .push(inspection(None, "2016", Some(Judgement::Good)));
        b.inspections
            .push(inspection(Some("Kent"), "2019-02-31", None));
        b.inspections
            .push(inspection(Some("Kent"), "2020-07", Some(Judgement::Good)));
        corpus_of(vec![a, b])
    }

    fn lanes(t: &Timeline) -> Vec<(LaneKind, &str, usize)> {
        t.lanes
            .iter()
            .map(|l| (l.kind, l.label.as_str(), l.events))
            .collect()
    }

    #[test]
    fn lanes_by_region_then_name_under_region_headings() {
        let corpus = sample();
        let rows = corpus.filtered_rows(&CorpusFilter::default());
        let t = corpus.timeline(&rows, LaneOrder::RegionThenName);
        use LaneKind::{Council, Heading};
        // South East (Kent), then Yorkshire and The Humber (Bradford, Leeds),
        // then the council outside the gazetteer, each under its heading.
        assert_eq!(
            lanes(&t),
            vec![
                (Heading, "South East", 3),
                (Council, "Kent", 3),
                (Heading, "Yorkshire and The Humber", 2),
                (Council, "Bradford", 1),
                (Council, "Leeds", 1),
                (Heading, NOT_IN_GAZETTEER, 1),
                (Council, "Atlantis", 1),
            ]
        );
        assert_eq!(t.lanes[1].region, Some("South East"));
        assert_eq!(t.lanes[1].council.as_deref(), Some("Kent"));
        assert_eq!(t.undated, 2, "no date, and an impossible date");
        assert_eq!(t.without_council, 1);
        assert!(
            t.points
                .iter()
                .all(|p| t.lanes[p.lane].kind != LaneKind::Heading),
            "headings have no points"
        );

        let kent: Vec<(f64, PointShape, usize)> = t
            .points
            .iter()
            .filter(|p| p.lane == 1)
            .map(|p| (p.x, p.shape, p.row))
            .collect();
        assert_eq!(
            kent,
            vec![
                (2017.0, PointShape::Marker, 2),
                (2019.5, PointShape::Tick, 1),
                (2020.5, PointShape::Marker, 8),
            ]
        );
        let leeds = t
            .points
            .iter()
            .find(|p| p.lane == 4)
            .expect("a Leeds point");
        assert_eq!(leeds.x, 2018.75);
        assert_eq!(leeds.judgement, Some(Judgement::Good));
        let bradford = t
            .points
            .iter()
            .find(|p| p.lane == 3)
            .expect("a Bradford point");
        assert_eq!(bradford.kind, InspectionKind::FocusedVisit);
        assert_eq!(bradford.shape, PointShape::Tick);
        assert_eq!(t.x_range, Some((2016.5, 2020.5)));
    }

    #[test]
    fn lanes_by_number_of_events() {
        let corpus = sample();
        let rows = corpus.filtered_rows(&CorpusFilter::default());
        let t = corpus.timeline(&rows, LaneOrder::MostEvents);
        let labels: Vec<&str> = t.lanes.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, vec!["Kent", "Atlantis", "Bradford", "Leeds"]);
        for p in &t.points {
            assert_eq!(corpus.rows()[p.row].council, t.lanes[p.lane].council);
        }
    }

    /// A council's full inspection, a private children's home under it, the
    /// council's own fostering service, and a provider without a council.
    fn with_providers() -> Corpus {
        let mut a = record("a.txt", Status::Reviewed);
        a.inspections.push(inspection(
            Some("Norfolk"),
            "2021-03",
            Some(Judgement::Good),
        ));
        let mut home = inspection(Some("Norfolk"), "2023-05", Some(Judgement::Inadequate));
        home.provider = Some("Horizon Care Homes".into());
        home.service = Service::ChildrensHome;
        a.inspections.push(home);
        let mut b = record("b.txt", Status::Reviewed);
        let mut fostering = inspection(Some("Wigan"), "2018-12", Some(Judgement::Outstanding));
        fostering.service = Service::FosteringAgency;
        b.inspections.push(fostering);
        let mut adoption = inspection(None, "2019", Some(Judgement::Good));
        adoption.provider = Some("Adopt North".into());
        adoption.service = Service::AdoptionAgency;
        b.inspections.push(adoption);
        let mut trust = visit("Sandwell", "2018-09", InspectionKind::MonitoringVisit);
        trust.provider = Some("Sandwell Children's Trust".into());
        b.inspections.push(trust);
        corpus_of(vec![a, b])
    }

    #[test]
    fn providers_have_their_own_lanes_and_marks_under_their_council() {
        let corpus = with_providers();
        let rows = corpus.filtered_rows(&CorpusFilter::default());
        let t = corpus.timeline(&rows, LaneOrder::RegionThenName);
        use LaneKind::{Council, Heading, Provider};
        assert_eq!(
            lanes(&t),
            vec![
                (Heading, "East of England", 2),
                (Council, "Norfolk", 1),
                (Provider, "Horizon Care Homes", 1),
                (Heading, "North West", 1),
                (Council, "Wigan", 0),
                (Provider, "fostering agency (provider not named)", 1),
                (Heading, "West Midlands", 1),
                (Council, "Sandwell", 1),
                (Heading, INDEPENDENT_PROVIDERS, 1),
                (Provider, "Adopt North", 1),
            ]
        );
        assert_eq!(t.lanes[2].council.as_deref(), Some("Norfolk"));
        assert_eq!(t.lanes[2].services, vec![Service::ChildrensHome]);
        assert_eq!(t.lanes[9].council, None);
        let shapes: Vec<(usize, PointShape)> = t.points.iter().map(|p| (p.lane, p.shape)).collect();
        assert_eq!(
            shapes,
            vec![
                (1, PointShape::Marker),
                (2, PointShape::ProviderMarker),
                (5, PointShape::ProviderMarker),
                (7, PointShape::Tick),
                (9, PointShape::ProviderMarker),
            ],
            "a trust runs the council's services: its visit stays in the council's lane"
        );
        assert_eq!(t.without_council, 0);

        let most = corpus.timeline(&rows, LaneOrder::MostEvents);
        let labels: Vec<&str> = most.lanes.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(
            labels,
            vec![
                "Norfolk",
                "Horizon Care Homes",
                "Sandwell",
                "Wigan",
                "fostering agency (provider not named)",
                INDEPENDENT_PROVIDERS,
                "Adopt North",
            ]
        );
    }

    #[test]
    fn the_timeline_follows_the_filter() {
        let corpus = sample();
        let filter = CorpusFilter {
            text: "kent".into(),
            ..CorpusFilter::default()
        };
        let t = corpus.timeline(&corpus.filtered_rows(&filter), LaneOrder::RegionThenName);
        assert_eq!(t.lanes.len(), 2, "South East, Kent");
        assert_eq!(t.points.len(), 3);
        assert_eq!(t.undated, 1);
        let empty = corpus.timeline(&[], LaneOrder::RegionThenName);
        assert!(empty.lanes.is_empty());
        assert_eq!(empty.x_range, None);
    }
}
