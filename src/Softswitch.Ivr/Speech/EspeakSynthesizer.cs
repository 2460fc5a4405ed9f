using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Softswitch.Ivr.Speech;

/// <summary>
/// Speaks text with espeak-ng (the voice named like the language: en, ms, id) for a <c>speak</c> node that has no
/// recorded prompt. espeak-ng writes 22,050 Hz; the result is resampled here to the configured rate and cached as
/// <c>&lt;cache&gt;/&lt;language&gt;-&lt;rate&gt;-&lt;hash&gt;.wav</c>, the hash over text, voice, rate and speed, written to a temporary
/// file and renamed so a reader never sees half a file. Concurrent requests for the same text share one run.
/// The text goes to espeak-ng's standard input, never its command line, so no text is read as an option.
/// </summary>
public sealed partial class EspeakSynthesizer : ISpeechSynthesizer
{
    private readonly EspeakSynthesizerOptions _options;
    private readonly ILogger<EspeakSynthesizer> _logger;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, Lazy<Task<string?>>> _inFlight = new(StringComparer.Ordinal);
    private readonly SpeechCacheBudget _budget;

    public EspeakSynthesizer(EspeakSynthesizerOptions options, ILogger<EspeakSynthesizer> logger, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.SampleRate is not (8000 or 16000))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.SampleRate, "the sample rate must be 8000 or 16000");
        }

        _options = options;
        _logger = logger;
        _time = timeProvider ?? TimeProvider.System;
        _budget = new SpeechCacheBudget(Path.GetFullPath(options.CacheFolder), options.MaxCacheBytes);
    }

    /// <summary>Where the WAV for this text and language is (or will be) cached.</summary>
    public string CachePath(string text, string language)
    {
        language = language.ToLowerInvariant();
        string key = $"{language}\n{_options.SampleRate}\n{_options.WordsPerMinute}\n{Normalize(text)}";
        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];
        return Path.Combine(Path.GetFullPath(_options.CacheFolder), $"{language}-{_options.SampleRate}-{hash}.wav");
    }

    public async Task<string?> SynthesizeAsync(string text, string language, CancellationToken cancellationToken = default)
    {
        string spoken = Normalize(text ?? "");
        language = (language ?? "").ToLowerInvariant();
        if (Refusal(spoken, language) is { } reason)
        {
            LogFailed(language, reason, Shorten(spoken));
            return null;
        }

        string path = CachePath(spoken, language);
        if (File.Exists(path))
        {
            SpeechCacheBudget.Touch(path);
            return path;
        }

        // One run per file however many calls ask at once; a caller that gives up does not cancel it for the others.
        Lazy<Task<string?>> run = _inFlight.GetOrAdd(path, _ => new Lazy<Task<string?>>(() => RunOnceAsync(spoken, language, path)));
        return await run.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private string? Refusal(string text, string language)
    {
        if (text.Length == 0)
        {
            return "there is no text to say";
        }

        if (text.Length > _options.MaxTextLength)
        {
            return $"the text is {text.Length} characters long, more than {_options.MaxTextLength}";
        }

        return VoiceName().IsMatch(language) ? null : $"'{language}' is not a language tag espeak-ng knows as a voice";
    }

    private async Task<string?> RunOnceAsync(string text, string language, string path)
    {
        await Task.Yield();
        if (File.Exists(path))
        {
            return path;
        }

        string folder = Path.GetDirectoryName(path)!;
        string raw = Path.Combine(folder, $".{Guid.NewGuid():N}.espeak.wav");
        string temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        long started = _time.GetTimestamp();
        try
        {
            Directory.CreateDirectory(folder);
            if (await RunEspeakAsync(text, language, raw).ConfigureAwait(false) is { } failure)
            {
                LogFailed(language, failure, Shorten(text));
                return null;
            }

            byte[] espeakWav = await File.ReadAllBytesAsync(raw).ConfigureAwait(false);
            if (!PcmWav.TryRead(espeakWav, out short[] samples, out int rate, out string? error) || samples.Length == 0)
            {
                LogFailed(language, $"espeak-ng wrote an unreadable WAV: {error ?? "no samples"}", Shorten(text));
                return null;
            }

            short[] converted = rate == _options.SampleRate ? samples : new SpeechResampler(rate, _options.SampleRate).Resample(samples);
            byte[] wav = PcmWav.Write(converted, _options.SampleRate);
            await File.WriteAllBytesAsync(temporary, wav).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
            _budget.Added(wav.Length);
            LogSynthesized(language, (long)_time.GetElapsedTime(started).TotalMilliseconds, path);
            return path;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            LogFailed(language, $"cache folder {folder}: {error.Message}", Shorten(text));
            return null;
        }
        finally
        {
            DeleteIfThere(raw);
            DeleteIfThere(temporary);
            _inFlight.TryRemove(path, out _);
        }
    }

    /// <summary>Runs espeak-ng into <paramref name="output"/>; null when it worked, else why not.</summary>
    private async Task<string?> RunEspeakAsync(string text, string voice, string output)
    {
        var start = new ProcessStartInfo(_options.EspeakPath)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in new[] { "-v", voice, "-s", _options.WordsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture), "-w", output, "--stdin" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Win32Exception error)
        {
            return $"cannot run {_options.EspeakPath}: {error.Message} (install it with: apt-get install -y espeak-ng)";
        }

        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        Task<string> errors = process.StandardError.ReadToEndAsync(timeout.Token);
        Task<string> ignored = process.StandardOutput.ReadToEndAsync(timeout.Token);
        try
        {
            try
            {
                await process.StandardInput.WriteAsync(text.AsMemory(), timeout.Token).ConfigureAwait(false);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // It exited before reading the text (an unknown voice): its exit code and standard error say why.
            }

            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            string stderr = await errors.ConfigureAwait(false);
            await ignored.ConfigureAwait(false);
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                return $"espeak-ng exited with {process.ExitCode}: {Shorten(stderr.Trim())}";
            }

            return null;
        }
        catch (OperationCanceledException)
        {
            int pid = process.Id;
            Kill(process);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            return $"espeak-ng (pid {pid}) took longer than {_options.Timeout.TotalSeconds:0.#} s and was killed";
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited by itself meanwhile.
        }
    }

    private static void DeleteIfThere(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // The folder could not be made, so the file never was.
        }
    }

    /// <summary>One line of text: line breaks and runs of spaces become one space, ends trimmed.</summary>
    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>espeak-ng voices are language tags such as en, ms, id, en-us.</summary>
    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})*$", RegexOptions.IgnoreCase)]
    private static partial Regex VoiceName();
}
