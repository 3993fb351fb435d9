package dev.golive.web;

import static dev.golive.report.Html.escape;

import java.util.List;

/**
 * The HTML of the dashboard's pages: a shell with the navigation and the signed-in user, whose
 * content the page's script draws from the API and draws again when the feed says something
 * changed. No script or style is fetched from anywhere but the dashboard itself.
 */
final class Pages {
    /** The pages in the navigation: path, title. */
    static final List<String[]> NAV = List.of(
            new String[] {"runbook", "Runbook"},
            new String[] {"readiness", "Readiness"},
            new String[] {"load", "Load tests"},
            new String[] {"drills", "Drills"},
            new String[] {"releases", "Releases"},
            new String[] {"diagnostics", "Diagnostics"},
            new String[] {"journal", "Journal"});

    private Pages() {}

    static String page(String name, String title, String system, User user, String csrf) {
        StringBuilder nav = new StringBuilder();
        for (String[] p : NAV) {
            nav.append("<a href=\"/")
                    .append(p[0])
                    .append('"')
                    .append(p[0].equals(name) ? " class=\"here\"" : "")
                    .append('>')
                    .append(p[1])
                    .append("</a>");
        }
        boolean charts = name.equals("load");
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="csrf" content="%s">
                <title>%s — golive %s</title>
                <link rel="stylesheet" href="/assets/dashboard.css">%s
                </head><body data-page="%s" data-user="%s" data-role="%s">
                <header><span class="brand">golive</span><span class="system">%s</span><nav>%s</nav>
                <span class="who"><span id="live" title="live updates">●</span> %s (%s)
                <form method="post" action="/logout"><input type="hidden" name="_csrf" value="%s">
                <button type="submit" id="logout">Log out</button></form></span></header>
                <main id="main"><p class="quiet">Loading…</p></main>
                <div id="message" role="alert"></div>
                %s<script src="/assets/dashboard.js"></script>
                </body></html>
                """.formatted(
                        escape(csrf),
                        escape(title),
                        escape(system),
                        charts ? "\n<link rel=\"stylesheet\" href=\"/assets/uPlot.min.css\">" : "",
                        escape(name),
                        escape(user.name()),
                        escape(user.role().word()),
                        escape(system),
                        nav,
                        escape(user.name()),
                        escape(user.role().word()),
                        escape(csrf),
                        charts ? "<script src=\"/assets/uPlot.iife.min.js\"></script>\n" : "");
    }

    static String login(String system, String csrf, String error) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Log in — golive %s</title>
                <style>
                body{font:15px/1.4 system-ui,sans-serif;background:#f3f4f6;color:#111;display:flex;
                  justify-content:center;align-items:center;height:100vh;margin:0}
                form{background:#fff;padding:2em 2.5em;border-radius:8px;box-shadow:0 1px 4px #0002;min-width:18em}
                h1{font-size:1.3em;margin:0 0 1em}label{display:block;margin:.8em 0 .2em}
                input{width:100%%;padding:.45em;font:inherit;box-sizing:border-box}
                button{margin-top:1.2em;padding:.5em 1.2em;font:inherit;background:#1d4ed8;color:#fff;border:0;
                  border-radius:4px}
                .error{color:#b91c1c;margin-top:1em}
                </style></head><body>
                <form method="post" action="/login">
                <h1>golive · %s</h1>
                <input type="hidden" name="_csrf" value="%s">
                <label for="name">Name</label><input id="name" name="name" autocomplete="username" autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password">
                <button type="submit" id="login">Log in</button>
                %s
                </form></body></html>
                """.formatted(
                        escape(system),
                        escape(system),
                        escape(csrf),
                        error == null ? "" : "<p class=\"error\" id=\"error\">" + escape(error) + "</p>");
    }
}
