/*
 * resume.c - lifetime of the resume model (model.h).
 */
#include "rls/model.h"

#include "rls/alloc.h"

static void resume__plain_free(RlsPlain *p) {
    rls_free(p->text);
    rls_free(p->src_start);
    rls_free(p->src_end);
}

void rls_resume_delete(RlsResume *self) {
    if (!self) return;
    for (uint32_t i = 0; i < self->n_sections; i++)
        resume__plain_free(&self->sections[i].heading);
    for (uint32_t i = 0; i < self->n_entries; i++) {
        rls_free(self->entries[i].title);
        rls_free(self->entries[i].org);
        rls_free(self->entries[i].location);
    }
    for (uint32_t i = 0; i < self->n_bullets; i++)
        resume__plain_free(&self->bullets[i].plain);
    for (uint32_t i = 0; i < self->n_paragraphs; i++)
        resume__plain_free(&self->paragraphs[i].plain);
    for (uint32_t i = 0; i < self->n_skills; i++) {
        rls_free(self->skills[i].text);
        rls_free(self->skills[i].category);
    }
    for (uint32_t i = 0; i < self->n_contacts; i++)
        rls_free(self->contacts[i].text);
    for (uint32_t i = 0; i < self->n_comments; i++)
        rls_free(self->comments[i].text);
    rls_free(self->sections);
    rls_free(self->entries);
    rls_free(self->bullets);
    rls_free(self->paragraphs);
    rls_free(self->skills);
    rls_free(self->contacts);
    rls_free(self->comments);
    rls_free(self->layout);
    rls_free(self->errors);
    rls_free(self);
}
