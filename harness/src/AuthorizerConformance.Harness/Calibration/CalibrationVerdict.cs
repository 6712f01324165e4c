namespace AuthorizerConformance.Harness.Calibration;

/// <summary>What calibration found for one behaviour option.</summary>
public enum CalibrationVerdict
{
    /// <summary>The stage answered as the emulation does with the option's default.</summary>
    Default,

    /// <summary>The stage answered as the emulation does with another value of the option.</summary>
    Differs,

    /// <summary>The stage's answer matches no value of the option: the emulation cannot say what it does.</summary>
    Unexplained,

    /// <summary>No probe decides the option on the calibration API.</summary>
    NotCalibrated,
}
