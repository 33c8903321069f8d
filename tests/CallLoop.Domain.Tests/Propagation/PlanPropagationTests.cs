using CallLoop.Domain;
using static CallLoop.Domain.Tests.Propagation.PropagationScenario;

namespace CallLoop.Domain.Tests.Propagation;

public class PlanPropagationTests
{
    [Fact]
    public void Given_disclosure_and_held_category_When_erasure_planned_Then_disclosed_and_category_processors_get_deliveries()
    {
        var events = Subject().When(Plan(100, PropagationAction.Erase));

        var planned = Assert.IsType<PropagationPlanned>(Assert.Single(events));
        Assert.Equal([Analytics, MailHouse], planned.Deliveries.Select(d => d.Processor));
        Assert.Equal(Delivery(100, MailHouse), planned.Deliveries.Single(d => d.Processor == MailHouse).DeliveryId);
        Assert.Equal(100, planned.SourceSequence);
    }

    [Fact]
    public void Given_erased_subject_When_later_opt_out_planned_Then_categories_held_before_erasure_still_count()
    {
        var scenario = Subject().GivenEvents(new ErasureStarted { SubjectId = Scenario.SubjectId, Reason = ErasureReason.DeleteRequest });

        var planned = Assert.IsType<PropagationPlanned>(Assert.Single(scenario.When(Plan(101, PropagationAction.OptOut))));

        Assert.Empty(scenario.State.Categories);
        Assert.Contains(Analytics, planned.Deliveries.Select(d => d.Processor));
    }

    [Fact]
    public void Given_correction_of_identifiers_When_planned_Then_only_processors_holding_identifiers()
    {
        var events = Subject().When(Plan(102, PropagationAction.Correct, category: PersonalInformationCategory.Identifiers));

        var planned = Assert.IsType<PropagationPlanned>(Assert.Single(events));
        Assert.Equal([MailHouse], planned.Deliveries.Select(d => d.Processor));
        Assert.Equal(PersonalInformationCategory.Identifiers, planned.Category);
    }

    [Fact]
    public void Given_event_already_planned_When_planned_again_Then_nothing_appended()
    {
        var scenario = Subject().Given(Plan(100, PropagationAction.Erase));

        Assert.Empty(scenario.When(Plan(100, PropagationAction.Erase)));
    }

    [Fact]
    public void Given_no_affected_processor_When_planned_Then_nothing_appended()
    {
        Assert.Empty(Scenario.Registered().When(Plan(100, PropagationAction.OptOut)));
    }

    [Fact]
    public void Given_unregistered_subject_after_gpc_When_planned_Then_nothing_appended_and_no_error()
    {
        Assert.Empty(Scenario.Unregistered().When(Plan(5, PropagationAction.OptOut)));
    }

    [Fact]
    public void Given_bad_sequence_When_planned_Then_invalid_naming_the_field()
    {
        Assert.Equal("sourceSequence", Subject().Invalid(Plan(0, PropagationAction.Erase)).Field);
    }

    [Fact]
    public void Given_processor_category_outside_the_list_When_planned_Then_invalid_naming_the_field()
    {
        var plan = Plan(5, PropagationAction.Erase) with
        {
            Processors = [new ProcessorTarget { Processor = "acme", Categories = [PersonalInformationCategory.Identifiers, (PersonalInformationCategory)999] }],
        };

        Assert.Equal("processors[0].categories[1]", Subject().Invalid(plan).Field);
    }

    [Fact]
    public void Given_each_propagating_event_When_asked_for_its_plan_Then_action_and_detail_codes()
    {
        Assert.Equal(PropagationAction.Erase, PlanPropagation.For(new ErasureStarted { RequestId = "r-1" }, 7)!.Action);
        Assert.Equal(OptOutScope.Sale, PlanPropagation.For(new OptedOut { Scope = OptOutScope.Sale, Method = PreferenceMethod.Gpc }, 7)!.Scope);
        Assert.Equal(ConsentPurpose.MarketingSms, PlanPropagation.For(new ConsentWithdrawn { Purpose = ConsentPurpose.MarketingSms }, 7)!.Purpose);
        Assert.Equal(PersonalInformationCategory.Identifiers, PlanPropagation.For(new InformationCorrected { Category = PersonalInformationCategory.Identifiers, Field = "name", NewValue = "x" }, 7)!.Category);
        Assert.Null(PlanPropagation.For(new OptedBackIn { Scope = OptOutScope.Sale }, 7));
    }
}
