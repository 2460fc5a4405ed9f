namespace Softswitch.Sip.Transactions;

/// <summary>The states of the four transaction machines (RFC 3261 §17 figures 5–8, with RFC 6026's Accepted).</summary>
public enum TransactionState
{
    /// <summary>INVITE client: request sent, nothing heard (Timer A retransmits).</summary>
    Calling,
    /// <summary>Non-INVITE: request sent or received, no response yet.</summary>
    Trying,
    /// <summary>A provisional response has been sent or received.</summary>
    Proceeding,
    /// <summary>A final response has been sent or received; retransmissions are absorbed.</summary>
    Completed,
    /// <summary>INVITE server: the ACK for a non-2xx final response arrived.</summary>
    Confirmed,
    /// <summary>INVITE: a 2xx was sent or received (RFC 6026 §7.1); 2xx retransmission belongs to the dialog.</summary>
    Accepted,
    /// <summary>Gone from the transaction table.</summary>
    Terminated,
}
