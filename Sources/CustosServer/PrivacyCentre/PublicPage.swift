/// A privacy centre page's model: the values its template shows, named for the page
/// (`RequestFormPage` shows `privacy-request-form.mustache`), and rendered by ``PublicPages``.
/// Its stored properties are what the template sees, by name; a computed property is not seen.
/// An optional that is nil is looked up in the enclosing sections instead, as a missing key is,
/// so an item's optional must not share its name with a property of the page. A page in the
/// privacy centre's frame (`privacy-layout`) has the `organisation` and `workspace` the frame
/// shows, and a `title` where its template's title block reads one.
protocol PublicPage: Sendable {
    /// The template in `Resources/templates`, without `.mustache`.
    static var template: String { get }
}
