/// The console's look: its additions to the notice's stylesheet. The frame every page shares (a
/// skip link, the header, the navigation, the sign-out form) is `Resources/templates/console-layout.mustache`.
enum ConsoleLayout {
    /// The console's additions to the notice's stylesheet: the header, wider pages, tables of work
    /// (`Resources/assets/console.css`, compiled into the program).
    static let stylesheet = String(decoding: PackageResources.console_css, as: UTF8.self)
}
