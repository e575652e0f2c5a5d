/* SPDX-License-Identifier: GPL-3.0-or-later */

/* AcrLearnersPage: the Learners place of the window: every learner of the store,
 * searchable by name, email address and external identifier, read lazily through
 * acr_learner_list (). Searching and the empty states are AcrListPage's. */

#define G_LOG_DOMAIN "acr-learners-page"

#include "config.h"

#include "acr-learner.h"
#include "acr-learner-row.h"
#include "acr-learners-page.h"

struct _AcrLearnersPage
{
  AcrListPage parent_instance;
};

G_DEFINE_FINAL_TYPE (AcrLearnersPage, acr_learners_page, ACR_TYPE_LIST_PAGE)

static GListModel *
acr_learners_page_create_model (AcrListPage *page,
                                AcrStore    *store,
                                const char  *search)
{
  return G_LIST_MODEL (acr_learner_list (store, search));
}

static void
acr_learners_page_class_init (AcrLearnersPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AcrListPageClass *list_page_class = ACR_LIST_PAGE_CLASS (klass);

  list_page_class->create_model = acr_learners_page_create_model;
  list_page_class->row_type = ACR_TYPE_LEARNER_ROW;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/accredit/Accredit/acr-learners-page.ui");
}

static void
acr_learners_page_init (AcrLearnersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
