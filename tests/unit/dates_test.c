/* Tests for the one date grammar (server/text/dates.c, rls/dates.h). */
#include <stdio.h>
#include <string.h>

#include "rls/alloc.h"
#include "rls/dates.h"
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

/* Real-world date strings, as resumes in six languages and CJK write them,
 * with what the grammar must read: the text it finds (NULL: all of it), then
 * start and end as year, month (0: none) and kind (E exact, S season, Y year
 * alone, P open end). */
typedef struct {
    const char *text;
    const char *span;
    int y0, m0;
    char k0;
    int y1, m1;
    char k1;
} FindCase;

#define OPEN 0, 0, 'P'

static const FindCase find_cases[] = {
    /* English month ranges */
    {"Jan 2021 – Present", NULL, 2021, 1, 'E', OPEN},
    {"Sep. 2020 -- Jun 2021", NULL, 2020, 9, 'E', 2021, 6, 'E'},
    {"January 2019 to March 2020", NULL, 2019, 1, 'E', 2020, 3, 'E'},
    {"Oct, 2017- Mar, 2018", NULL, 2017, 10, 'E', 2018, 3, 'E'},
    {"December 2019 - Now", NULL, 2019, 12, 'E', OPEN},
    {"Nov 2020 -- Present", NULL, 2020, 11, 'E', OPEN},
    {"Jun 2021 — Current", NULL, 2021, 6, 'E', OPEN},
    {"Aug19 - now", NULL, 2019, 8, 'E', OPEN},
    {"Jun13 - Jun14", NULL, 2013, 6, 'E', 2014, 6, 'E'},
    {"Jan '19 – Dec '20", NULL, 2019, 1, 'E', 2020, 12, 'E'},
    {"sept 2016 until today", NULL, 2016, 9, 'E', OPEN},
    {"September, 2016 - Current", NULL, 2016, 9, 'E', OPEN},
    {"May 2020 - Current", NULL, 2020, 5, 'E', OPEN},
    {"March 2018 – Currently", NULL, 2018, 3, 'E', OPEN},
    {"JANUARY 2015 - DECEMBER 2016", NULL, 2015, 1, 'E', 2016, 12, 'E'},
    {"Feb. 2014 – Present", NULL, 2014, 2, 'E', OPEN},
    {"Apr 2019 through Jun 2020", NULL, 2019, 4, 'E', 2020, 6, 'E'},
    {"Jul 2018 till Aug 2019", NULL, 2018, 7, 'E', 2019, 8, 'E'},
    {"Dec 2019 to Present", NULL, 2019, 12, 'E', OPEN},
    {"May 2016 – Today", NULL, 2016, 5, 'E', OPEN},
    {"Mar 2015 - Ongoing", NULL, 2015, 3, 'E', OPEN},
    {"Jan 2020 &ndash; Mar 2021", NULL, 2020, 1, 'E', 2021, 3, 'E'},
    {"Jan 2020 → Mar 2021", NULL, 2020, 1, 'E', 2021, 3, 'E'},
    {"2020 to date", NULL, 2020, 0, 'Y', OPEN},
    {"2019 – Present", NULL, 2019, 0, 'Y', OPEN},
    {"2019 - Current", NULL, 2019, 0, 'Y', OPEN},
    {"2016 – now", NULL, 2016, 0, 'Y', OPEN},
    {"Jan\xC2\xA0"
     "2021\xC2\xA0–\xC2\xA0Present",
     NULL, 2021, 1, 'E', OPEN},
    /* Open ranges written with a word before the date */
    {"Since 2020", NULL, 2020, 0, 'Y', OPEN},
    {"Since May 2020", NULL, 2020, 5, 'E', OPEN},
    {"since September 2017 as OnGres", "since September 2017", 2017, 9, 'E', OPEN},
    {"Since Fall 2020", NULL, 2020, 9, 'S', OPEN},
    {"Staff Engineer (since 2018)", "since 2018", 2018, 0, 'Y', OPEN},
    /* Every dash */
    {"Jan 2021 ‐ Present", NULL, 2021, 1, 'E', OPEN},
    {"Jan 2021‑Present", NULL, 2021, 1, 'E', OPEN},
    {"2019 ‒ 2021", NULL, 2019, 0, 'Y', 2021, 0, 'Y'},
    {"2019 ― 2021", NULL, 2019, 0, 'Y', 2021, 0, 'Y'},
    {"2019 − 2021", NULL, 2019, 0, 'Y', 2021, 0, 'Y'},
    {"2019‐2021", NULL, 2019, 0, 'Y', 2021, 0, 'Y'},
    {"2017 ~ 2019", NULL, 2017, 0, 'Y', 2019, 0, 'Y'},
    {"2017 --- 2019", NULL, 2017, 0, 'Y', 2019, 0, 'Y'},
    {"2018 - 2020", NULL, 2018, 0, 'Y', 2020, 0, 'Y'},
    {"2019-2021", NULL, 2019, 0, 'Y', 2021, 0, 'Y'},
    {"2019-20", NULL, 2019, 0, 'Y', 2020, 0, 'Y'},
    {"2019/20", NULL, 2019, 0, 'Y', 2020, 0, 'Y'},
    {"WS 2019/2020", "2019/2020", 2019, 0, 'Y', 2020, 0, 'Y'},
    /* Seasons */
    {"Summer 2019", NULL, 2019, 6, 'S', 2019, 6, 'S'},
    {"Fall 2020", NULL, 2020, 9, 'S', 2020, 9, 'S'},
    {"Autumn 2018 – Spring 2019", NULL, 2018, 9, 'S', 2019, 3, 'S'},
    {"Winter 2021", NULL, 2021, 12, 'S', 2021, 12, 'S'},
    {"Summer 2019 - Fall 2020", NULL, 2019, 6, 'S', 2020, 9, 'S'},
    {"Spring 2022 – Present", NULL, 2022, 3, 'S', OPEN},
    /* Days */
    {"12 March 2021", NULL, 2021, 3, 'E', 2021, 3, 'E'},
    {"March 12, 2021", NULL, 2021, 3, 'E', 2021, 3, 'E'},
    {"March 12 2021", NULL, 2021, 3, 'E', 2021, 3, 'E'},
    {"1st June 2019 – 30th September 2019", NULL, 2019, 6, 'E', 2019, 9, 'E'},
    {"June 1st, 2019", NULL, 2019, 6, 'E', 2019, 6, 'E'},
    {"Awarded on 3 Feb 2020", "3 Feb 2020", 2020, 2, 'E', 2020, 2, 'E'},
    {"June. 30 - July. 06, 2024", NULL, 2024, 6, 'E', 2024, 7, 'E'},
    {"Oct. 10 - Oct. 12, 2024", NULL, 2024, 10, 'E', 2024, 10, 'E'},
    {"July 2 - 4, 2025", NULL, 2025, 7, 'E', 2025, 7, 'E'},
    /* Ranges within one year */
    {"Jan - Mar 2020", NULL, 2020, 1, 'E', 2020, 3, 'E'},
    {"Jan–Mar 2021", NULL, 2021, 1, 'E', 2021, 3, 'E'},
    {"Jan. – Mar. 2021", NULL, 2021, 1, 'E', 2021, 3, 'E'},
    {"Sept–Dec 2019", NULL, 2019, 9, 'E', 2019, 12, 'E'},
    {"June–August 2018", NULL, 2018, 6, 'E', 2018, 8, 'E'},
    /* Glued to the next word, or with its dash lost */
    {"2021Present", NULL, 2021, 0, 'Y', OPEN},
    {"Jan 2021Present", NULL, 2021, 1, 'E', OPEN},
    {"May 2020Google", "May 2020", 2020, 5, 'E', 2020, 5, 'E'},
    {"Jan 2019 – Dec 2020Acme Corp", "Jan 2019 – Dec 2020", 2019, 1, 'E', 2020, 12, 'E'},
    {"Jan 2020 Present", NULL, 2020, 1, 'E', OPEN},
    /* Left open */
    {"2019–", NULL, 2019, 0, 'Y', OPEN},
    {"(2021–)", "2021–", 2021, 0, 'Y', OPEN},
    /* Inside an entry line */
    {"Senior Engineer, Acme Corp — 2021–Present", "2021–Present", 2021, 0, 'Y', OPEN},
    {"Acme Corp | Senior Engineer | Jan 2021 – Present", "Jan 2021 – Present", 2021, 1, 'E', OPEN},
    {"Search Department, Rakuten Group Inc Nov 2020 -- Present", "Nov 2020 -- Present", 2020, 11,
     'E', OPEN},
    {"pandas; Aug19 - now", "Aug19 - now", 2019, 8, 'E', OPEN},
    {"Data Scientist at Samsung; Nov18 - now", "Nov18 - now", 2018, 11, 'E', OPEN},
    {"2010-2014 (expected)", "2010-2014", 2010, 0, 'Y', 2014, 0, 'Y'},
    {"MSc, Mathematics; 2015-2016; University of Oxford", "2015-2016", 2015, 0, 'Y', 2016, 0, 'Y'},
    {"(2014)", "2014", 2014, 0, 'Y', 2014, 0, 'Y'},
    {"Class of 2019", "2019", 2019, 0, 'Y', 2019, 0, 'Y'},
    {"Expected May 2024", "May 2024", 2024, 5, 'E', 2024, 5, 'E'},
    {"Software Engineer, Python 3.11 team, 2022 – 2023", "2022 – 2023", 2022, 0, 'Y', 2023, 0, 'Y'},
    /* A year in a publication or venue title says when it appeared */
    {"Deep Nets for Graphs. NeurIPS 2021", "2021", 2021, 0, 'Y', 2021, 0, 'Y'},
    {"Proceedings of ICML 2020, pp. 12-20", "2020", 2020, 0, 'Y', 2020, 0, 'Y'},
    /* Numeric */
    {"03/2020–11/2022", NULL, 2020, 3, 'E', 2022, 11, 'E'},
    {"03/2020 - 11/2022", NULL, 2020, 3, 'E', 2022, 11, 'E'},
    {"12/2020-Present", NULL, 2020, 12, 'E', OPEN},
    {"10/15-5/16", NULL, 2015, 10, 'E', 2016, 5, 'E'},
    {"2018.9 ~ 2019.1", NULL, 2018, 9, 'E', 2019, 1, 'E'},
    {"2021-05 - 2022-09", NULL, 2021, 5, 'E', 2022, 9, 'E'},
    {"2021-03", NULL, 2021, 3, 'E', 2021, 3, 'E'},
    {"03/2021", NULL, 2021, 3, 'E', 2021, 3, 'E'},
    {"3/2021", NULL, 2021, 3, 'E', 2021, 3, 'E'},
    {"2021.3", NULL, 2021, 3, 'E', 2021, 3, 'E'},
    {"2021/03", NULL, 2021, 3, 'E', 2021, 3, 'E'},
    {"2021.03 - 2022.12", NULL, 2021, 3, 'E', 2022, 12, 'E'},
    {"2021-03-15", NULL, 2021, 3, 'E', 2021, 3, 'E'},
    {"2002-05-11 – 2003-01-02", NULL, 2002, 5, 'E', 2003, 1, 'E'},
    {"15.03.2021", NULL, 2021, 3, 'E', 2021, 3, 'E'},
    {"15/03/2021 - 20/06/2022", NULL, 2021, 3, 'E', 2022, 6, 'E'},
    {"03/15/2021", NULL, 2021, 3, 'E', 2021, 3, 'E'},
    {"01.2019 - 12.2020", NULL, 2019, 1, 'E', 2020, 12, 'E'},
    {"2021. 3. ~ 2022. 2.", NULL, 2021, 3, 'E', 2022, 2, 'E'},
    /* Chinese, Japanese, Korean */
    {"2019年3月 – 至今", NULL, 2019, 3, 'E', OPEN},
    {"2019年3月至今", NULL, 2019, 3, 'E', OPEN},
    {"2016年9月 - 2019年6月", NULL, 2016, 9, 'E', 2019, 6, 'E'},
    {"2015 年5月 -- 至今", NULL, 2015, 5, 'E', OPEN},
    {"2013 年6 月", NULL, 2013, 6, 'E', 2013, 6, 'E'},
    {"2015年 3 月 – 2016 年 1月", NULL, 2015, 3, 'E', 2016, 1, 'E'},
    {"2015 年", NULL, 2015, 0, 'Y', 2015, 0, 'Y'},
    {"2021年3月", NULL, 2021, 3, 'E', 2021, 3, 'E'},
    {"2021年3月～現在", NULL, 2021, 3, 'E', OPEN},
    {"2021年3月〜2022年3月", NULL, 2021, 3, 'E', 2022, 3, 'E'},
    {"2020年4月から2021年3月", NULL, 2020, 4, 'E', 2021, 3, 'E'},
    {"2021年3月12日", NULL, 2021, 3, 'E', 2021, 3, 'E'},
    {"2018年9月-今", NULL, 2018, 9, 'E', OPEN},
    {"2021년 3월", NULL, 2021, 3, 'E', 2021, 3, 'E'},
    {"2021년 3월 - 현재", NULL, 2021, 3, 'E', OPEN},
    {"2023.02 - 현재", NULL, 2023, 2, 'E', OPEN},
    {"기간: 2023.02 - 현재", "2023.02 - 현재", 2023, 2, 'E', OPEN},
    {"2020.09 ~ 재직중", NULL, 2020, 9, 'E', OPEN},
    /* French */
    {"Août 2019 – Présent", NULL, 2019, 8, 'E', OPEN},
    {"Depuis 2015", NULL, 2015, 0, 'Y', OPEN},
    {"depuis mars 2019", NULL, 2019, 3, 'E', OPEN},
    {"Clever Age – depuis 2022", "depuis 2022", 2022, 0, 'Y', OPEN},
    {"Janvier 2018 - Décembre 2019", NULL, 2018, 1, 'E', 2019, 12, 'E'},
    {"janv. 2020 – févr. 2021", NULL, 2020, 1, 'E', 2021, 2, 'E'},
    {"Févr. 2017 – Maintenant", NULL, 2017, 2, 'E', OPEN},
    {"sept. 2015 - juin 2017", NULL, 2015, 9, 'E', 2017, 6, 'E'},
    {"Juillet 2016 à Août 2017", NULL, 2016, 7, 'E', 2017, 8, 'E'},
    {"Mai 2019 – aujourd'hui", NULL, 2019, 5, 'E', OPEN},
    {"Mars 2020 - aujourd’hui", NULL, 2020, 3, 'E', OPEN},
    {"Été 2019", NULL, 2019, 6, 'S', 2019, 6, 'S'},
    {"1er mars 2020", NULL, 2020, 3, 'E', 2020, 3, 'E'},
    {"Déc. 2018 – Présent", NULL, 2018, 12, 'E', OPEN},
    {"FÉVR. 2019 – JUIN 2020", NULL, 2019, 2, 'E', 2020, 6, 'E'},
    {"Avr 2021 - en cours", NULL, 2021, 4, 'E', OPEN},
    /* Dates listed, each later: one range from the first to the last. */
    {"2016-2018, 2020-Present", NULL, 2016, 0, 'Y', OPEN},
    {"Jan 2019 – Mar 2019; Sep 2019 – Dec 2019", NULL, 2019, 1, 'E', 2019, 12, 'E'},
    {"Jan 2020 - Mar 2021, Berlin", "Jan 2020 - Mar 2021", 2020, 1, 'E', 2021, 3, 'E'},
    {"2019 - 2021, 2015 - 2016", "2019 - 2021", 2019, 0, 'Y', 2021, 0, 'Y'},
    /* The last two of a list joined by a word ("and", "und", "и"). */
    {"Spring 2016 and 2017", NULL, 2016, 3, 'S', 2017, 0, 'Y'},
    {"Tutor 2014 und 2016", "2014 und 2016", 2014, 0, 'Y', 2016, 0, 'Y'},
    {"2009, 2011 и 2013", NULL, 2009, 0, 'Y', 2013, 0, 'Y'},
    {"2019 and 12 others", "2019", 2019, 0, 'Y', 2019, 0, 'Y'},
    {"2021 and 2018", "2021", 2021, 0, 'Y', 2021, 0, 'Y'},
    {"2018 – PRÉSENT", NULL, 2018, 0, 'Y', OPEN},
    /* German */
    {"seit 2022", NULL, 2022, 0, 'Y', OPEN},
    {"seit 9.2020", NULL, 2020, 9, 'E', OPEN},
    {"März 2019 – heute", NULL, 2019, 3, 'E', OPEN},
    {"Januar 2017 bis Dezember 2018", NULL, 2017, 1, 'E', 2018, 12, 'E'},
    {"Okt. 2015 - Sept. 2016", NULL, 2015, 10, 'E', 2016, 9, 'E'},
    {"MÄRZ 2020 - jetzt", NULL, 2020, 3, 'E', OPEN},
    {"12. März 2021", NULL, 2021, 3, 'E', 2021, 3, 'E'},
    {"2024 - heute", NULL, 2024, 0, 'Y', OPEN},
    {"Mai 2018 – aktuell", NULL, 2018, 5, 'E', OPEN},
    {"Herbst 2018", NULL, 2018, 9, 'S', 2018, 9, 'S'},
    {"Dez 2019 - Feb 2020", NULL, 2019, 12, 'E', 2020, 2, 'E'},
    {"Jänner 2019 – Juni 2019", NULL, 2019, 1, 'E', 2019, 6, 'E'},
    {"09/2016 – 08/2018", NULL, 2016, 9, 'E', 2018, 8, 'E'},
    /* Russian and Ukrainian: Cyrillic months in any case, "Наст. время" */
    {"Декабрь 2023 - Наст. время", NULL, 2023, 12, 'E', OPEN},
    {"Июнь 2021 - Ноябрь 2023", NULL, 2021, 6, 'E', 2023, 11, 'E'},
    {"Сентябрь 2015 – Июнь 2019", NULL, 2015, 9, 'E', 2019, 6, 'E'},
    {"АПРЕЛЬ 2020 - ИЮНЬ 2021", NULL, 2020, 4, 'E', 2021, 6, 'E'},
    {"янв. 2018 – по настоящее время", "янв. 2018 – по настоящее время", 2018, 1, 'E', OPEN},
    {"1 марта 2020", NULL, 2020, 3, 'E', 2020, 3, 'E'},
    {"май 2019 — н.в.", NULL, 2019, 5, 'E', OPEN},
    {"с 2019 по 2021", "2019 по 2021", 2019, 0, 'Y', 2021, 0, 'Y'},
    {"Менеджер \\hfill Окт 2016 - Дек 2017", "Окт 2016 - Дек 2017", 2016, 10, 'E', 2017, 12, 'E'},
    {"вересень 2018 – травень 2020", NULL, 2018, 9, 'E', 2020, 5, 'E'},
    {"Березень 2022 - дотепер", NULL, 2022, 3, 'E', OPEN},
    {"Октябрь 2022 - Текущий момент", NULL, 2022, 10, 'E', OPEN},
    {"2019 — по сей день", NULL, 2019, 0, 'Y', OPEN},
    /* Other open ends */
    {"2020 - heden", NULL, 2020, 0, 'Y', OPEN},
    {"03.2021 – obecnie", NULL, 2021, 3, 'E', OPEN},
    {"2018 – Günümüz", NULL, 2018, 0, 'Y', OPEN},
    /* An open end in brackets */
    {"2019 - (Present)", NULL, 2019, 0, 'Y', OPEN},
    {"Mar 2020 – (current)", NULL, 2020, 3, 'E', OPEN},
    /* Months of more languages, capitals beyond Latin-1 folded ("ČERVEN") */
    {"januari 2020 – heden", NULL, 2020, 1, 'E', OPEN},
    {"mrt. 2017 – augustus 2019", NULL, 2017, 3, 'E', 2019, 8, 'E'},
    {"Październik 2019 – obecnie", NULL, 2019, 10, 'E', OPEN},
    {"wrz 2015 - lut 2018", NULL, 2015, 9, 'E', 2018, 2, 'E'},
    {"ČERVEN 2018 – září 2020", NULL, 2018, 6, 'E', 2020, 9, 'E'},
    {"Şubat 2019 – Halen", NULL, 2019, 2, 'E', OPEN},
    {"Mayıs 2020 - günümüz", NULL, 2020, 5, 'E', OPEN},
    {"martie 2019 – prezent", NULL, 2019, 3, 'E', OPEN},
    {"Szeptember 2016 – jelenleg", NULL, 2016, 9, 'E', OPEN},
    /* Hungarian puts the year first, with a dot */
    {"2019. május – jelenleg", NULL, 2019, 5, 'E', OPEN},
    {"2016. szept. – 2019. ápr.", NULL, 2016, 9, 'E', 2019, 4, 'E'},
    {"2020. január 15. – 2021. március 1.", NULL, 2020, 1, 'E', 2021, 3, 'E'},
    {"2019. 05. – 2020", NULL, 2019, 5, 'E', 2020, 0, 'Y'},
    {"tammikuu 2020 – nykyään", NULL, 2020, 1, 'E', OPEN},
    {"Maret 2021 – sekarang", NULL, 2021, 3, 'E', OPEN},
    {"maig 2018 – actualitat", NULL, 2018, 5, 'E', OPEN},
    {"maj 2019 – augusti 2021", NULL, 2019, 5, 'E', 2021, 8, 'E'},
    /* A month of another language that is an English word needs a year. */
    {"Sie liefen 2019 weg", "2019", 2019, 0, 'Y', 2019, 0, 'Y'},
    /* Spanish */
    {"Abr 2024 – Actualidad", NULL, 2024, 4, 'E', OPEN},
    {"Feb 2020 -- actualidad", NULL, 2020, 2, 'E', OPEN},
    {"Dic 2025 -- Actualidad", NULL, 2025, 12, 'E', OPEN},
    {"Enero 2019 - Marzo 2020", NULL, 2019, 1, 'E', 2020, 3, 'E'},
    {"marzo de 2020 – presente", NULL, 2020, 3, 'E', OPEN},
    {"desde 2019", NULL, 2019, 0, 'Y', OPEN},
    {"Septiembre 2017 a Junio 2018", NULL, 2017, 9, 'E', 2018, 6, 'E'},
    {"12 de marzo de 2021", NULL, 2021, 3, 'E', 2021, 3, 'E'},
    {"Ene. 2018 - Dic. 2019", NULL, 2018, 1, 'E', 2019, 12, 'E'},
    {"Otoño 2020", NULL, 2020, 9, 'S', 2020, 9, 'S'},
    {"mayo 2016 hasta hoy", NULL, 2016, 5, 'E', OPEN},
    {"Oct 2019 – Actualmente", NULL, 2019, 10, 'E', OPEN},
    {"2015 al 2018", NULL, 2015, 0, 'Y', 2018, 0, 'Y'},
    /* Portuguese */
    {"Março 2018 até Dezembro 2020", NULL, 2018, 3, 'E', 2020, 12, 'E'},
    {"Jan 2020 - atualmente", NULL, 2020, 1, 'E', OPEN},
    {"Fev 2019 – Presente", NULL, 2019, 2, 'E', OPEN},
    {"Setembro 2016 - Maio 2018", NULL, 2016, 9, 'E', 2018, 5, 'E'},
    {"Out 2020 – Atual", NULL, 2020, 10, 'E', OPEN},
    {"Dez. 2017 - Jul. 2019", NULL, 2017, 12, 'E', 2019, 7, 'E'},
    {"Verão 2019", NULL, 2019, 6, 'S', 2019, 6, 'S'},
    {"março de 2018 – hoje", NULL, 2018, 3, 'E', OPEN},
    /* Italian */
    {"Gennaio 2019 – Dicembre 2020", NULL, 2019, 1, 'E', 2020, 12, 'E'},
    {"Giu 2021 - oggi", NULL, 2021, 6, 'E', OPEN},
    {"Settembre 2018 - in corso", NULL, 2018, 9, 'E', OPEN},
    {"Ott 2017 – presente", NULL, 2017, 10, 'E', OPEN},
    {"Maggio 2015 - Luglio 2016", NULL, 2015, 5, 'E', 2016, 7, 'E'},
    {"dal 2020", NULL, 2020, 0, 'Y', OPEN},
    {"Lug. 2019 – Ago. 2020", NULL, 2019, 7, 'E', 2020, 8, 'E'},
};

static int kind_of(char k) {
    switch (k) {
    case 'E':
        return RLS_DATE_EXACT;
    case 'S':
        return RLS_DATE_SEASON;
    case 'Y':
        return RLS_DATE_YEAR;
    case 'P':
        return RLS_DATE_PRESENT;
    default:
        return RLS_DATE_UNKNOWN;
    }
}

static void check_end(const char *text, const char *which, const RlsDate *d, int y, int m, char k) {
    if (d->year != y || d->month != m || d->kind != kind_of(k) ||
        d->present != (kind_of(k) == RLS_DATE_PRESENT))
        RLS__FAIL("\"%s\": %s %d-%d kind %d, expected %d-%d kind %d", text, which, d->year,
                  d->month, d->kind, y, m, kind_of(k));
}

static void test_real_world_dates_are_read_with_their_span_and_ends(void) {
    EXPECT_TRUE(RLS_ARRAY_LEN(find_cases) >= 150);
    for (size_t i = 0; i < RLS_ARRAY_LEN(find_cases); i++) {
        const FindCase *c = &find_cases[i];
        RlsDateRange r;
        size_t s = 0, e = 0;
        if (!rls_date_range_find(c->text, strlen(c->text), &r, &s, &e)) {
            RLS__FAIL("no date found in \"%s\"", c->text);
            continue;
        }
        char got[128];
        snprintf(got, sizeof(got), "%.*s", (int)(e - s), c->text + s);
        const char *want = c->span ? c->span : c->text;
        if (strcmp(got, want) != 0)
            RLS__FAIL("\"%s\": found \"%s\", expected \"%s\"", c->text, got, want);
        EXPECT_TRUE(r.valid);
        check_end(c->text, "start", &r.start, c->y0, c->m0, c->k0);
        check_end(c->text, "end", &r.end, c->y1, c->m1, c->k1);
    }
}

/* Numbers that are not dates, in an entry line or alone. */
static void test_numbers_that_are_not_dates_are_never_found(void) {
    static const char *const no[] = {
        "Python 3.11",
        "ISO 9001",
        "ISO 9001:2015 auditor",
        "top 10%",
        "2,000 users",
        "phone +1 415 555 0100",
        "+1 415 555 2019",
        "(415) 555-2019",
        "v1.0.0",
        "version 2.3.1",
        "Windows 10",
        "COVID-19 response team",
        "GPA 3.7/4.0, top 5%",
        "3.7/4.0",
        "£500",
        "Acme Corp",
        "May the force",
        "Marco Edward Gorelli",
        "Marco Polo",
        "Real Estate Analyst",
        "Node.js 18.12",
        "iOS 16.4",
        "HTTP/2",
        "24/7 support",
        "the 2020s",
        "1990s hardware",
        "sold 1500 units",
        "ES2015 modules",
        "Present",
        "nowhere",
        "Jan",
        "99.98%",
        "2.2K+",
        "1/2 day",
        "10/15",
        "12",
        "Java 17",
        "Q3",
        "Jan 19 – Dec 20",
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(no); i++) {
        RlsDateRange r;
        size_t s, e;
        if (rls_date_range_find(no[i], strlen(no[i]), &r, &s, &e))
            RLS__FAIL("\"%s\": found \"%.*s\"", no[i], (int)(e - s), no[i] + s);
    }
}

/* The style descriptor the date-format rule compares. */
static void test_each_date_carries_the_style_it_is_written_in(void) {
    static const struct {
        const char *text;
        RlsDateStyle start, end;
    } cases[] = {
        {"Jan 2021 – Present", RLS_DATE_STYLE_MONTH_NAME, RLS_DATE_STYLE_NONE},
        {"12 March 2021", RLS_DATE_STYLE_MONTH_NAME, RLS_DATE_STYLE_MONTH_NAME},
        {"01/2021 - 03/2022", RLS_DATE_STYLE_NUMERIC, RLS_DATE_STYLE_NUMERIC},
        {"2021-01 – 2022-03", RLS_DATE_STYLE_ISO, RLS_DATE_STYLE_ISO},
        {"2021/01", RLS_DATE_STYLE_ISO, RLS_DATE_STYLE_ISO},
        {"2018.9 ~ 2019.1", RLS_DATE_STYLE_DOTTED, RLS_DATE_STYLE_DOTTED},
        {"2019 – 2021", RLS_DATE_STYLE_YEAR, RLS_DATE_STYLE_YEAR},
        {"Jan 2021 – 2022", RLS_DATE_STYLE_MONTH_NAME, RLS_DATE_STYLE_YEAR},
        {"2019年3月 – 至今", RLS_DATE_STYLE_CJK, RLS_DATE_STYLE_NONE},
        {"2021년 3월", RLS_DATE_STYLE_CJK, RLS_DATE_STYLE_CJK},
        {"2023--2024年", RLS_DATE_STYLE_YEAR, RLS_DATE_STYLE_YEAR},
        {"Summer 2020", RLS_DATE_STYLE_SEASON, RLS_DATE_STYLE_SEASON},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsDateRange r;
        size_t s, e;
        ASSERT_TRUE(rls_date_range_find(cases[i].text, strlen(cases[i].text), &r, &s, &e));
        if (r.start.style != cases[i].start || r.end.style != cases[i].end)
            RLS__FAIL("\"%s\": styles %d, %d, expected %d, %d", cases[i].text, r.start.style,
                      r.end.style, cases[i].start, cases[i].end);
        EXPECT_EQ_INT(rls_date_style(cases[i].text, strlen(cases[i].text)), cases[i].start);
    }
    EXPECT_STR_EQ(rls_date_style_example(RLS_DATE_STYLE_CJK), "2021年1月");
}

/* A LaTeX dates argument that holds no range still reads as dates, not as
 * a place; a word that merely contains "now" does not. */
static void test_dated_looking_text_is_told_from_places(void) {
    static const char *const yes[] = {"Present", "heute",         "Jan 2020 – Present",
                                      "2019",    "Expected 2026", "至今"};
    static const char *const no[] = {"New York, NY", "Remote", "Nowhere Town", "Berlin",
                                     "Knowledge Park"};
    for (size_t i = 0; i < RLS_ARRAY_LEN(yes); i++)
        if (!rls_date_text_looks_dated(yes[i], strlen(yes[i])))
            RLS__FAIL("\"%s\" should look dated", yes[i]);
    for (size_t i = 0; i < RLS_ARRAY_LEN(no); i++)
        if (rls_date_text_looks_dated(no[i], strlen(no[i])))
            RLS__FAIL("\"%s\" should not look dated", no[i]);
}

/* no-metric asks whether a number is a date's day or year. */
static void test_a_number_inside_a_date_is_told_from_a_quantity(void) {
    static const struct {
        const char *text, *number;
        bool in_date;
    } cases[] = {
        {"Launched on March 12, 2021 with the team", "12", true},
        {"Launched on March 12, 2021 with the team", "2021", true},
        {"Launched on Sept. 12 with the team", "12", true},
        {"Launched on 12 March with the team", "12", true},
        {"Lancé le 12 mars 2021", "12", true},
        {"Lancé en mars 2021", "2021", true},
        {"Released 2021年3月", "2021", true},
        {"Set 3 sales records", "3", false},
        {"Closed 5 out of 6 deals", "5", false},
        {"Sold 2019 units", "2019", false},
        {"Cut costs by 12 percent", "12", false},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        const char *t = cases[i].text;
        const char *at = strstr(t, cases[i].number);
        ASSERT_TRUE(at != NULL);
        size_t s = (size_t)(at - t), e = s + strlen(cases[i].number);
        if (rls_date_number_in_date(t, strlen(t), s, e) != cases[i].in_date)
            RLS__FAIL("\"%s\" in \"%s\": expected %s", cases[i].number, t,
                      cases[i].in_date ? "a date" : "a quantity");
    }
}

/* Every prefix of every table string, in a buffer of exactly its length:
 * the scanner never reads past the bytes it is given (the sanitizer build
 * caught an ordinal "1st" at the end of the text and a since-word at the
 * very end being read one byte too far). */
static void test_dates_are_read_within_the_bytes_given(void) {
    for (size_t i = 0; i < RLS_ARRAY_LEN(find_cases); i++) {
        const char *t = find_cases[i].text;
        size_t n = strlen(t);
        for (size_t cut = 1; cut <= n; cut++) {
            char *b = rls_malloc(cut);
            memcpy(b, t, cut);
            RlsDateRange r;
            size_t s, e;
            if (rls_date_range_find(b, cut, &r, &s, &e)) EXPECT_TRUE(s < e && e <= cut);
            rls_date_range_parse(b, cut, &r);
            rls_date_slot_parse(b, cut, &r);
            rls_date_text_looks_dated(b, cut);
            for (size_t k = 0; k + 1 <= cut; k++)
                rls_date_number_in_date(b, cut, k, k + 1);
            rls_free(b);
        }
    }
    static const char *const ends[] = {"Jan 1st", "12th", "Since", "since ", "3."};
    for (size_t i = 0; i < RLS_ARRAY_LEN(ends); i++) {
        size_t n = strlen(ends[i]);
        char *b = rls_malloc(n);
        memcpy(b, ends[i], n);
        RlsDateRange r;
        size_t s, e;
        EXPECT_TRUE(!rls_date_range_find(b, n, &r, &s, &e));
        rls_free(b);
    }
}

/* The finder skips what cannot start a date: words opening with a byte
 * that opens no month or present word, and everything after the last
 * digit. Dates at the edges of that must still be found, in any case and
 * script of the word tables, and present words alone still read as dated. */
static void test_dates_are_found_at_the_edges_of_what_the_finder_skips(void) {
    static const struct {
        const char *text, *span;
    } cases[] = {
        {"Zookeeper, Yak herder, Quality – MARCH 2020", "MARCH 2020"},
        {"Ведущий инженер, МАРТ 2020 – НАСТ. ВРЕМЯ", "МАРТ 2020 – НАСТ. ВРЕМЯ"},
        {"Ingénieur, FÉVR. 2019 – AUJOURD’HUI", "FÉVR. 2019 – AUJOURD’HUI"},
        {"Since 2021", "Since 2021"},
        {"x 1", NULL},
        {"Present, currently, now 9", NULL},
    };
    for (size_t i = 0; i < RLS_ARRAY_LEN(cases); i++) {
        RlsDateRange r;
        size_t s = 0, e = 0;
        bool found = rls_date_range_find(cases[i].text, strlen(cases[i].text), &r, &s, &e);
        if (!cases[i].span) {
            if (found) RLS__FAIL("\"%s\": found a date", cases[i].text);
            continue;
        }
        char got[128];
        snprintf(got, sizeof(got), "%.*s", (int)(e - s), cases[i].text + s);
        if (!found || strcmp(got, cases[i].span) != 0)
            RLS__FAIL("\"%s\": found \"%s\", expected \"%s\"", cases[i].text, found ? got : "",
                      cases[i].span);
    }
    RlsDateRange r;
    size_t s, e;
    const char *present = "Data engineer, Acme (present)";
    EXPECT_TRUE(!rls_date_range_find(present, strlen(present), &r, &s, &e));
    EXPECT_TRUE(rls_date_text_looks_dated(present, strlen(present)));
}

int main(void) {
    static const RlsTestCase cases[] = {
        RLS_TEST(test_english_month_ranges_parse),
        RLS_TEST(test_numeric_and_year_ranges_parse),
        RLS_TEST(test_non_ascii_ranges_parse),
        RLS_TEST(test_non_dates_are_rejected),
        RLS_TEST(test_real_world_dates_are_read_with_their_span_and_ends),
        RLS_TEST(test_numbers_that_are_not_dates_are_never_found),
        RLS_TEST(test_each_date_carries_the_style_it_is_written_in),
        RLS_TEST(test_dated_looking_text_is_told_from_places),
        RLS_TEST(test_a_number_inside_a_date_is_told_from_a_quantity),
        RLS_TEST(test_dates_are_read_within_the_bytes_given),
        RLS_TEST(test_dates_are_found_at_the_edges_of_what_the_finder_skips),
    };
    return rls_test_run(cases, RLS_ARRAY_LEN(cases));
}
