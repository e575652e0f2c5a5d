/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrCurriculaPage: the Curricula place of the window: every curriculum of the store,
 * searchable by code and title, read lazily through acr_curriculum_list (). Searching and
 * the empty states are AcrListPage's. */

#define G_LOG_DOMAIN "acr-curricula-page"

#include "config.h"

#include "acr-curriculum.h"
#include "acr-curriculum-row.h"
#include "acr-curricula-page.h"

struct _AcrCurriculaPage
{
  AcrListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AcrCurriculaPage, acr_curricula_page, ACR_TYPE_LIST_PAGE)

static GListModel *
acr_curricula_page_create_model (AcrListPage *page,
                                 AcrStore    *store,
                                 const char  *search)
{
  return G_LIST_MODEL (acr_curriculum_list (store, search));
}

static void
acr_curricula_page_class_init (AcrCurriculaPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AcrListPageClass *list_page_class = ACR_LIST_PAGE_CLASS (klass);

  list_page_class->create_model = acr_curricula_page_create_model;
  list_page_class->row_type = ACR_TYPE_CURRICULUM_ROW;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-curricula-page.ui");
}

static void
acr_curricula_page_init (AcrCurriculaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
