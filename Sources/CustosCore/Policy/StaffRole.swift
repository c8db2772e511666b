/// The roles staff users have in Custos.
public enum StaffRole: String, PolicyKeyword {
    case dpo
    case admin
    case staff
    /// A headteacher or CPD leader, who sees their own school only.
    case schoolLeader = "school_leader"
    /// A trainer or consultant, who sees the attendees of their own events only.
    case trainer
    /// Reads everything, changes nothing.
    case auditor
}
