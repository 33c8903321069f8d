namespace CallLoop.Silo.Sms;

/// <summary>Text-message settings (<c>CallLoop:Sms</c>).</summary>
public static class SmsSettings
{
    public const string HelpTextKey = "CallLoop:Sms:HelpText";

    /// <summary>CTIA: program name, help contact, frequency, "msg &amp; data rates may apply" and how to stop.</summary>
    public const string DefaultHelpText =
        "Call Loop: recurring marketing texts, frequency varies. Help: support@callloop.com. Msg & data rates may apply. Reply STOP to cancel.";

    public static string HelpText(IConfiguration configuration) =>
        configuration[HelpTextKey] is { Length: > 0 } text ? text : DefaultHelpText;
}
