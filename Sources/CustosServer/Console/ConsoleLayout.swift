/// The console's look: its additions to the notice's stylesheet. The frame every page shares (a
/// skip link, the header, the navigation, the sign-out form) is `Resources/templates/console-layout.mustache`.
enum ConsoleLayout {
    /// The console's additions to the notice's stylesheet: the header, wider pages, tables of work.
    static let stylesheet = """
        main{max-width:64rem}
        .console-header{background:#0b0c0c;color:#fff;padding:.5rem 1.25rem;display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;align-items:center}
        .panel h2{border-top:0;padding-top:0;margin-top:.75rem}
        .console-header .muted{color:#dcdcdc}.console-brand{font-weight:700;margin:0}
        .console-header nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
        .console-header a{color:#fff}.console-header a[aria-current=page]{text-decoration:underline 3px}
        .console-header a:focus{color:#0b0c0c}
        .sign-out{margin-left:auto;display:flex;gap:.75rem;align-items:center}.sign-out button{margin:0}
        form.step{margin:.5rem 0 1rem}form.step button{margin:.25rem 0}
        button.warning{background:#d4351c;box-shadow:0 2px 0 #55150b}
        .panel.warning{border-left:5px solid #d4351c}
        button.secondary{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
        .overdue{color:#d4351c;font-weight:600}.due-soon{font-weight:600}
        .summary-cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:1rem;margin:1rem 0}
        .summary-cards a{display:block;border:1px solid #b1b4b6;padding:.75rem;text-decoration:none}
        .summary-cards strong{display:block;font-size:2rem}
        input.short{max-width:10rem}code{font-size:1.05rem;word-break:break-all}
        select{font:inherit;padding:.35rem;border:2px solid #0b0c0c}
        .search{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end}.search button{margin:0}
        a.button{display:inline-block;font-weight:600;background:#00703c;color:#fff;padding:.5rem 1rem;text-decoration:none;box-shadow:0 2px 0 #002d18}
        a.button:focus{background:#fd0;color:#0b0c0c;box-shadow:0 2px 0 #0b0c0c}ul.steps{list-style:none;padding:0}ul.steps li{margin:.75rem 0}
        nav.pages{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:baseline;margin:1rem 0}nav.pages p{margin:0}
        .caption{color:#505a5f;font-size:1.1rem;margin:1rem 0 0}.caption + h1{margin-top:.25rem}
        .back-link{display:inline-block;margin-top:.75rem}
        .summary-list{margin:0 0 1.5rem}.summary-list > div{display:flex;flex-wrap:wrap;border-bottom:1px solid #b1b4b6;padding:.5rem 0}
        .summary-list dt{font-weight:700;flex:0 0 30%;min-width:10rem;margin:0 1rem 0 0}.summary-list dd{flex:1 1 20rem;margin:0}
        .warning-text{border-left:5px solid #d4351c;padding:.5rem 1rem;margin:1rem 0}
        details.step{margin:.5rem 0}details.step summary{cursor:pointer;color:#1d70b8;text-decoration:underline}
        details.step form{padding:.5rem 0 0 1rem;border-left:4px solid #b1b4b6}
        .form-group{margin-bottom:1.25rem}fieldset{border:0;padding:0;margin:0}legend{font-weight:700;margin-bottom:.35rem}
        .choice-hint{margin-left:1.9rem}
        @media (max-width:40rem){.sign-out{margin-left:0}.summary-list dt{flex-basis:100%}}
        """
}
