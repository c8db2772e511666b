/// Where an identifier field tells people apart: across the whole workspace (an email, a UPN),
/// or only within the person's school (a pupil's name, or a school's own pupil code), where two
/// schools may each have an Ann Smith or a pupil 1042.
public enum IdentifierScope: String, PolicyKeyword, ImpliedWhenAbsent {
    case workspace
    case school

    static var impliedValue: IdentifierScope { .workspace }
}
