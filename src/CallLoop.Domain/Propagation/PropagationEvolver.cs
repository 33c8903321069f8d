namespace CallLoop.Domain;

/// <summary>
/// Folds the propagation events, and remembers every category ever collected, into <see cref="SubjectState.Propagation"/>.
/// Each delivery changes through <see cref="DeliveryEvolver"/>; what a request learns of its deliveries is <see cref="RightsRequestEvolution"/>'s.
/// </summary>
internal static class PropagationEvolver
{
    public static PropagationState Evolve(PropagationState propagation, SubjectEvent e) => e switch
    {
        PersonalInformationCollected collected when !propagation.CategoriesEverHeld.Contains(collected.Category) =>
            propagation with { CategoriesEverHeld = propagation.CategoriesEverHeld.Add(collected.Category) },
        PropagationPlanned planned => propagation with
        {
            PlannedSequences = propagation.PlannedSequences.Add(planned.SourceSequence),
            Deliveries = propagation.Deliveries.SetItems(planned.Deliveries.Select(d => KeyValuePair.Create(d.DeliveryId, DeliveryEvolver.Planned(planned, d)))),
        },
        _ when DeliveryEvolver.DeliveryIdOf(e) is { } deliveryId && propagation.Deliveries.TryGetValue(deliveryId, out var delivery) =>
            propagation with { Deliveries = propagation.Deliveries.SetItem(deliveryId, DeliveryEvolver.Evolve(delivery, e)) },
        _ => propagation,
    };
}
