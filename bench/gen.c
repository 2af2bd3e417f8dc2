/*
 * gen.c - deterministic resume generator for the benchmark (bench/gen.h).
 */
#include "gen.h"

#include <stdio.h>

static const char *const gen__bullets[] = {
    "Reduced checkout p95 latency from %d ms to %d ms by batching inventory lookups",
    "Responsible for maintaining the internal billing APIs used by %d teams",
    "Migrated %d cron jobs to Airflow with retries and alerting",
    "Worked on the new onboarding flow with the design team",
    "Built a Kafka pipeline processing %dM events/day with exactly-once delivery",
    "Helped improve the reliability of various services",
    "Cut monthly cloud spend by %d%% by rightsizing instance fleets",
    "Led a team of %d engineers to rebuild the search indexer in Go",
    "Was involved in designing several microservices for the payments platform",
    "Added OpenTelemetry tracing to %d services, reducing incident triage time",
};

static const char *const gen__roles[] = {"Senior Software Engineer", "Software Engineer",
                                         "Backend Engineer", "Platform Engineer"};
static const char *const gen__orgs[] = {"Northwind",     "Globex", "Initech",
                                        "Umbrella Labs", "Hooli",  "Vandelay Industries"};

void rls_bench_gen(RlsBuf *out, size_t n_bullets, bool latex, unsigned seed) {
    unsigned s = seed * 2654435761u + 1;
    if (latex) {
        rls_buf_puts(out, "\\documentclass{article}\n\\begin{document}\n"
                          "\\section*{Alex Doe}\nalex@example.com $|$ +1 555 0100\n\n"
                          "\\section{Summary}\nBackend engineer building payment systems.\n\n"
                          "\\section{Experience}\n");
    } else {
        rls_buf_puts(out, "# Alex Doe\n\nalex@example.com | +1 555 0100 | github.com/alexdoe\n\n"
                          "## Summary\n\nBackend engineer building payment systems.\n\n"
                          "## Experience\n\n");
    }
    for (size_t i = 0; i < n_bullets; i++) {
        if (i % 6 == 0) {
            size_t e = i / 6;
            int year = 2024 - (int)(e % 20);
            const char *role = gen__roles[e % 4], *org = gen__orgs[e % 6];
            if (latex)
                rls_buf_printf(out, "%s\\subsection{%s, %s}\nJan %d -- Dec %d\n\\begin{itemize}\n",
                               e ? "\\end{itemize}\n" : "", role, org, year - 2, year);
            else
                rls_buf_printf(out, "### %s | %s | Jan %d – Dec %d\n\n", role, org, year - 2, year);
        }
        s = s * 1103515245u + 12345u;
        const char *tpl = gen__bullets[(s >> 16) % 10];
        int a = 2 + (int)((s >> 8) % 90), b = 1 + (int)((s >> 3) % 40);
        rls_buf_puts(out, latex ? "  \\item " : "- ");
        rls_buf_printf(out, tpl, a * 10, b);
        rls_buf_puts(out, ".\n");
        if (!latex && i % 6 == 5) rls_buf_puts(out, "\n");
    }
    if (latex)
        rls_buf_puts(out, "\\end{itemize}\n\\section{Skills}\nGo, PostgreSQL, Kafka, "
                          "Kubernetes, Terraform\n\\section{Education}\nB.S. Computer Science, "
                          "State University, 2014\n\\end{document}\n");
    else
        rls_buf_puts(out, "## Skills\n\n- Languages: Go, Python, SQL\n- Infrastructure: "
                          "PostgreSQL, Kafka, Kubernetes, Terraform\n\n## Education\n\n"
                          "B.S. Computer Science, State University, 2014\n");
}
