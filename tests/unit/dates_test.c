/* Tests for date-range parsing (server/model/dates.c). */
#include "model/lines.h"
#include "rls/model.h"
#include "test.h"

typedef struct {
    const char *text;
    int y0, m0, y1, m1; /* y = -1: present */
} DateCase;

static void check_parse(const DateCase *c) {
    RlsDateRange r;
    bool ok = rls_date_range_parse(c->text, strlen(c->text), &r);
    if (!ok) {
        RLS__FAIL("\"%s\" did not parse", c->text);
        return;
    }
    EXPECT_TRUE(r.valid);
    if (c->y0 != r.start.year || c->m0 != r.start.month || r.start.present)
        RLS__FAIL("\"%s\": start %d-%d, expected %d-%d", c->text, r.start.year, r.start.month,
                  c->y0, c->m0);
    if (c->y1 < 0) {
        if (!r.end.present) RLS__FAIL("\"%s\": end not present", c->text);
    } else if (c->y1 != r.end.year || c->m1 != r.end.month || r.end.present) {
        RLS__FAIL("\"%s\": end %d-%d%s, expected %d-%d", c->text, r.end.year, r.end.month,
                  r.end.present ? " (present)" : "", c->y1, c->m1);
    }
}

static void test_english_month_ranges_parse(void) {
    static const DateCase cases[] = {
        {"Jan 2021 – Present", 2021, 1, -1, 0},
        {"Sep. 2020 -- Jun 2021", 2020, 9, 2021, 6},
        {"January 2019 to March 2020", 2019, 1, 2020, 3},
        {"Oct, 2017- Mar, 2018", 2017, 10, 2018, 3},
        {"December 2019 - Now", 2019, 12, -1, 0},
        {"Nov 2020 -- Present", 2020, 11, -1, 0},
        {"Jun 2021 — Current", 2021, 6, -1, 0},
        {"Aug19 - now", 2019, 8, -1, 0},
        {"Jun13 - Jun14", 2013, 6, 2014, 6},
        {"Jan '19 – Dec '20", 2019, 1, 2020, 12},
        {"Jan - Mar 2020", 2020, 1, 2020, 3},
        {"sept 2016 until today", 2016, 9, -1, 0},
        {"2020 to date", 2020, 0, -1, 0},
        {"Since 2020", 2020, 0, -1, 0},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++)
        check_parse(&cases[i]);
}

static void test_numeric_and_year_ranges_parse(void) {
    static const DateCase cases[] = {
        {"2018 - 2020", 2018, 0, 2020, 0},
        {"2019-2021", 2019, 0, 2021, 0},
        {"03/2020–11/2022", 2020, 3, 2022, 11},
        {"03/2020 - 11/2022", 2020, 3, 2022, 11},
        {"12/2020-Present", 2020, 12, -1, 0},
        {"10/15-5/16", 2015, 10, 2016, 5},
        {"2018.9 ~ 2019.1", 2018, 9, 2019, 1},
        {"2021-05 - 2022-09", 2021, 5, 2022, 9},
        {"2019-20", 2019, 0, 2020, 0},
        {"(2014)", 2014, 0, 2014, 0},
        {"Summer 2020", 2020, 6, 2020, 6},
        {"Fall 2022", 2022, 9, 2022, 9},
        {"2012", 2012, 0, 2012, 0},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++)
        check_parse(&cases[i]);
}

static void test_non_ascii_ranges_parse(void) {
    static const DateCase cases[] = {
        {"2019年3月 – 至今", 2019, 3, -1, 0},
        {"2019年3月至今", 2019, 3, -1, 0},
        {"2016年9月 - 2019年6月", 2016, 9, 2019, 6},
        /* Spaces typed around the characters (billryan's template). */
        {"2015 年5月 -- 至今", 2015, 5, -1, 0},
        {"2013 年6 月", 2013, 6, 2013, 6},
        {"2015年 3 月 – 2016 年 1月", 2015, 3, 2016, 1},
        {"2015 年", 2015, 0, 2015, 0},
        {"2023.02 - 현재", 2023, 2, -1, 0},
        {"Août 2019 – Présent", 2019, 8, -1, 0},
        {"Março 2018 até Dezembro 2020", 2018, 3, 2020, 12},
        {"Jan\xC2\xA0"
         "2021\xC2\xA0–\xC2\xA0Present",
         2021, 1, -1, 0},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++)
        check_parse(&cases[i]);
}

static void test_non_dates_are_rejected(void) {
    static const char *const bad[] = {
        "",        "Present",    "3.7/4.0",
        "£500",    "Acme Corp",  "May the force",
        "12",      "10/15",      "99.98%",
        "Jan",     "2.2K+",      "v1.0.0",
        "1/2 day", "Marco Polo", "2021 was a good year",
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(bad); i++) {
        RlsDateRange r;
        if (rls_date_range_parse(bad[i], strlen(bad[i]), &r))
            RLS__FAIL("\"%s\" parsed as %d-%d", bad[i], r.start.year, r.start.month);
    }
}

static void test_a_range_is_found_inside_an_entry_line(void) {
    static const struct {
        const char *text, *found;
    } cases[] = {
        {"Senior Engineer, Acme Corp — 2021–Present", "2021–Present"},
        {"Acme Corp | Senior Engineer | Jan 2021 – Present", "Jan 2021 – Present"},
        {"Search Department, Rakuten Group Inc Nov 2020 -- Present", "Nov 2020 -- Present"},
        {"pandas; Aug19 - now", "Aug19 - now"},
        {"기간: 2023.02 - 현재", "2023.02 - 현재"},
        {"2010-2014 (expected)", "2010-2014"},
        {"MSc, Mathematics; 2015-2016; University of Oxford", "2015-2016"},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsDateRange r;
        size_t s = 0, e = 0;
        const char *t = cases[i].text;
        if (!rls_date_range_find(t, strlen(t), &r, &s, &e)) {
            RLS__FAIL("no date found in \"%s\"", t);
            continue;
        }
        char got[128];
        snprintf(got, sizeof(got), "%.*s", (int)(e - s), t + s);
        EXPECT_STR_EQ(got, cases[i].found);
    }
    RlsDateRange r;
    size_t s, e;
    EXPECT_TRUE(!rls_date_range_find("GPA 3.7/4.0, top 5%", 19, &r, &s, &e));
    EXPECT_TRUE(!rls_date_range_find("Marco Edward Gorelli", 20, &r, &s, &e));
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_english_month_ranges_parse),
        RLS_TEST(test_numeric_and_year_ranges_parse),
        RLS_TEST(test_non_ascii_ranges_parse),
        RLS_TEST(test_non_dates_are_rejected),
        RLS_TEST(test_a_range_is_found_inside_an_entry_line),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
