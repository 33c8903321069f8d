namespace CallLoop.Domain;

/// <summary>
/// Whether we may message a subject. Marketing needs a live consent for the channel that is valid under the
/// subject's law (<see cref="TextConsentValidity"/>), no opt-out, no STOP on the number, an active adult account and
/// unrestricted processing; marketing texts also respect quiet hours and frequency limits (<see cref="TextingLawTable"/>).
/// Service messages need only an address.
/// </summary>
public static class ContactPolicy
{
    /// <param name="state">The subject.</param>
    /// <param name="channel">The channel of the message.</param>
    /// <param name="kind">Marketing or service.</param>
    /// <param name="numberSuppression">The suppression a STOP left on the subject's phone number, if any.</param>
    /// <param name="at">When the message would be sent (quiet hours, expiry, frequency); null: the rules that need no time only.</param>
    /// <param name="topic">The topic of the text, for same-topic frequency limits; null counts every topic.</param>
    public static ContactDecision CanContact(
        SubjectState state, ContactChannel channel, MessageKind kind, NumberSuppression? numberSuppression = null, DateTimeOffset? at = null, string? topic = null)
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
        if (channel == ContactChannel.Sms && numberSuppression is not null && numberSuppression.Binds(consent.GrantedAt))
        {
            return ContactDecision.Deny("number-suppressed");
        }

        var when = at ?? consent.GrantedAt ?? DateTimeOffset.MinValue;
        if (TextConsentValidity.Problem(state, consent, channel, when) is { } problem)
        {
            return ContactDecision.Deny(problem);
        }

        return channel == ContactChannel.Sms && at is { } sendAt ? WhenToText(state, sendAt, topic) : ContactDecision.Allow("consent-granted");
    }

    private static ContactDecision WhenToText(SubjectState state, DateTimeOffset at, string? topic)
    {
        var rule = TextingLawTable.On(state.Jurisdiction, at);
        if (rule.Hours is not null)
        {
            var zones = LocalTime.ZonesFor(state);
            if (zones.Count == 0)
            {
                return ContactDecision.Deny("time-zone-unknown");
            }

            if (QuietHours.NextAllowedAt(rule, zones, at) is { } opens)
            {
                return ContactDecision.Later("quiet-hours", opens);
            }
        }

        var limit = TextingLawTable.On(state.Jurisdiction, at).MaxPerTopicPerDay;
        return limit is { } max && TextFrequency.NextAllowedAt(state.RecentMarketingTexts, max, topic, at) is { } next
            ? ContactDecision.Later("frequency-limit", next)
            : ContactDecision.Allow("consent-granted");
    }
}
