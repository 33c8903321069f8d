namespace CallLoop.Domain;

/// <summary>
/// Whether we may message a subject. Marketing needs a live consent for the channel, no opt-out,
/// an active adult account and unrestricted processing; service messages need only an address.
/// </summary>
public static class ContactPolicy
{
    /// <param name="state">The subject.</param>
    /// <param name="channel">The channel of the message.</param>
    /// <param name="kind">Marketing or service.</param>
    /// <param name="numberSuppression">The suppression a STOP left on the subject's phone number, if any.</param>
    public static ContactDecision CanContact(SubjectState state, ContactChannel channel, MessageKind kind, NumberSuppression? numberSuppression = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!state.IsRegistered)
        {
            return ContactDecision.Deny("subject-not-registered");
        }

        var address = channel == ContactChannel.Sms ? state.Phone : state.Email;
        if (string.IsNullOrEmpty(address))
        {
            return ContactDecision.Deny("no-contact-address");
        }

        if (kind == MessageKind.Service)
        {
            return ContactDecision.Allow("service-message");
        }

        var (purpose, scope) = channel == ContactChannel.Sms
            ? (ConsentPurpose.MarketingSms, OptOutScope.MarketingSms)
            : (ConsentPurpose.MarketingEmail, OptOutScope.MarketingEmail);

        if (!state.IsActive)
        {
            return ContactDecision.Deny("account-deactivated");
        }

        if (state.IsMinor)
        {
            return ContactDecision.Deny("minor");
        }

        if (state.IsRestricted)
        {
            return ContactDecision.Deny("processing-restricted");
        }

        if (state.IsOptedOut(scope))
        {
            return ContactDecision.Deny("opted-out");
        }

        if (!state.Consents.TryGetValue(purpose, out var consent))
        {
            return ContactDecision.Deny("no-consent");
        }

        if (!consent.Granted)
        {
            return ContactDecision.Deny("consent-withdrawn");
        }

        // A STOP belongs to the number: it overrides consents dated before it, whoever holds the number now.
        return channel == ContactChannel.Sms && numberSuppression is not null && numberSuppression.Binds(consent.GrantedAt)
            ? ContactDecision.Deny("number-suppressed")
            : ContactDecision.Allow("consent-granted");
    }
}
