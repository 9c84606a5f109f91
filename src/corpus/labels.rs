//! How the corpus names its enums for people, and the order it lists them
//! in: the table's cells, the filters' choices, the summary and the
//! conflicts' reasons all use these.

use crate::model::{InspectionKind, Judgement, Service};

/// Services in the order the filter and the summary list them.
pub const SERVICES: [Service; 5] = [
    Service::ChildrensServices,
    Service::ChildrensHome,
    Service::FosteringAgency,
    Service::AdoptionAgency,
    Service::Other,
];

/// Inspection kinds in the order the filter and the summary list them.
pub const KINDS: [InspectionKind; 5] = [
    InspectionKind::FullInspection,
    InspectionKind::MonitoringVisit,
    InspectionKind::FocusedVisit,
    InspectionKind::JointTargetedAreaInspection,
    InspectionKind::Other,
];

/// Judgements in the order the filter and the summary list them, "none" last.
pub const JUDGEMENTS: [Option<Judgement>; 5] = [
    Some(Judgement::Outstanding),
    Some(Judgement::Good),
    Some(Judgement::RequiresImprovement),
    Some(Judgement::Inadequate),
    None,
];

/// How a service is written for people.
pub fn service_label(service: Service) -> &'static str {
    match service {
        Service::ChildrensServices => "children's services",
        Service::FosteringAgency => "fostering agency",
        Service::AdoptionAgency => "adoption agency",
        Service::ChildrensHome => "children's home",
        Service::Other => "other service",
    }
}

/// How an inspection kind is written for people.
pub fn kind_label(kind: InspectionKind) -> &'static str {
    match kind {
        InspectionKind::FullInspection => "full inspection",
        InspectionKind::MonitoringVisit => "monitoring visit",
        InspectionKind::FocusedVisit => "focused visit",
        InspectionKind::JointTargetedAreaInspection => "JTAI",
        InspectionKind::Other => "other",
    }
}

/// How a judgement is written for people.
pub fn judgement_label(judgement: Judgement) -> &'static str {
    match judgement {
        Judgement::Outstanding => "outstanding",
        Judgement::Good => "good",
        Judgement::RequiresImprovement => "requires improvement",
        Judgement::Inadequate => "inadequate",
    }
}
