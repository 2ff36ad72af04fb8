from django.views.generic import DetailView, ListView

from actors.models import Actor
from statements.models import Quote
from statements.overview import actors_by_quote_count
from statements.timeline import monthly_counts
from statements.views import PAGE_STATEMENTS


class ActorListView(ListView):
    template_name = "actors/actor_list.html"
    paginate_by = 100

    def get_queryset(self):
        return actors_by_quote_count()


class ActorDetailView(DetailView):
    model = Actor
    template_name = "actors/actor_detail.html"

    def get_context_data(self, **kwargs):
        actor = self.object
        return super().get_context_data(
            aliases=actor.aliases.all(),
            affiliations=actor.affiliations.select_related("organisation"),
            statements=Quote.objects.published().by_actor(actor).one_per_statement().with_source()
            .with_statement_reports().chronological()[:PAGE_STATEMENTS],
            monthly=monthly_counts(Quote.objects.by_actor(actor)),
            about=Quote.objects.published().about_actor(actor).one_per_statement()
            .with_source().with_statement_reports().chronological()[:PAGE_STATEMENTS],
            **kwargs,
        )
