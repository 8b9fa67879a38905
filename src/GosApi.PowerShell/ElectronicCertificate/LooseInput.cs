using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using System.Text.Json;
using GosApi.ElectronicCertificates.Models;
using GosApi.Validation;

namespace GosApi.PowerShell.ElectronicCertificate
{
    /// <summary>
    /// Values as they arrive from Import-Csv or a script: empty cells mean "absent", numbers and dates may be text.
    /// Every problem is reported with the parameter's name.
    /// </summary>
    internal static class LooseInput
    {
        public static bool Blank(object? value) => value == null || (value is string text && text.Trim().Length == 0);

        public static long? Long(ValidationResult errors, string field, object? value)
        {
            value = Unwrap(value);
            if (Blank(value)) return null;
            switch (value)
            {
                case long l: return l;
                case int i: return i;
                case short s: return s;
                case byte b: return b;
                case decimal d when d == Math.Truncate(d) && d >= long.MinValue && d <= long.MaxValue: return (long)d;
                case double f when f == Math.Truncate(f) && Math.Abs(f) < 9e15: return (long)f;
            }
            if (long.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture)!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)) return parsed;
            errors.Add(field, Convert.ToString(value, CultureInfo.InvariantCulture), "must be a whole number");
            return null;
        }

        public static int? Int(ValidationResult errors, string field, object? value)
        {
            var number = Long(errors, field, value);
            if (number == null) return null;
            if (number.Value < int.MinValue || number.Value > int.MaxValue)
            {
                errors.Add(field, number.Value.ToString(CultureInfo.InvariantCulture), "is too large");
                return null;
            }
            return (int)number.Value;
        }

        /// <summary>A DateTimeOffset, a DateTime (local unless marked UTC) or ISO 8601 text such as 2026-12-01 or 2026-12-01T00:00:00+03:00.</summary>
        public static DateTimeOffset? Date(ValidationResult errors, string field, object? value)
        {
            value = Unwrap(value);
            if (Blank(value)) return null;
            switch (value)
            {
                case DateTimeOffset offset: return offset;
                case DateTime date: return new DateTimeOffset(date);
            }
            var text = Convert.ToString(value, CultureInfo.InvariantCulture)!.Trim();
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var parsed)) return parsed;
            errors.Add(field, text, "must be a date such as 2026-12-01 or 2026-12-01T00:00:00+03:00");
            return null;
        }

        public static string? Text(object? value)
        {
            value = Unwrap(value);
            return Blank(value) ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// Goods from objects or hashtables with code, name, maxAmount, quantity — or from JSON text (a CSV cell)
        /// holding one such object or an array of them.
        /// </summary>
        public static List<GoodsWorkService> Goods(ValidationResult errors, object[]? items)
        {
            var goods = new List<GoodsWorkService>();
            if (items == null) return goods;
            foreach (var raw in items)
            {
                var item = Unwrap(raw);
                if (Blank(item)) continue;
                if (item is string json) goods.AddRange(FromJson(errors, json));
                else goods.Add(FromObject(errors, item!, goods.Count));
            }
            return goods;
        }

        private static IEnumerable<GoodsWorkService> FromJson(ValidationResult errors, string json)
        {
            var list = new List<GoodsWorkService>();
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                var elements = root.ValueKind == JsonValueKind.Array ? (IEnumerable<JsonElement>)root.EnumerateArray() : new[] { root };
                foreach (var element in elements)
                {
                    if (element.ValueKind != JsonValueKind.Object) { errors.Add("GoodsWorksServices", json, "must hold objects with code, name, maxAmount and quantity"); continue; }
                    var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in element.EnumerateObject())
                        values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetRawText();
                    list.Add(Build(errors, $"GoodsWorksServices[{list.Count}]", values));
                }
            }
            catch (JsonException ex)
            {
                errors.Add("GoodsWorksServices", json, "must be JSON such as [{\"code\":\"…\",\"name\":\"…\",\"quantity\":1}] (" + ex.Message + ")");
            }
            return list;
        }

        private static GoodsWorkService FromObject(ValidationResult errors, object item, int index)
        {
            var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            if (item is IDictionary dictionary)
            {
                foreach (DictionaryEntry entry in dictionary) values[Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!] = entry.Value;
            }
            else if (item is GoodsWorkService good)
            {
                return good;
            }
            else
            {
                foreach (var property in PSObject.AsPSObject(item).Properties) values[property.Name] = SafeValue(property);
            }
            return Build(errors, $"GoodsWorksServices[{index}]", values);
        }

        private static object? SafeValue(PSPropertyInfo property)
        {
            try { return property.Value; }
            catch (GetValueException) { return null; }
        }

        private static GoodsWorkService Build(ValidationResult errors, string field, IDictionary<string, object?> values)
        {
            values.TryGetValue("code", out var code);
            values.TryGetValue("name", out var name);
            values.TryGetValue("maxAmount", out var maxAmount);
            values.TryGetValue("quantity", out var quantity);
            return new GoodsWorkService
            {
                Code = Text(code),
                Name = Text(name),
                MaxAmount = Long(errors, field + ".maxAmount", maxAmount),
                Quantity = Int(errors, field + ".quantity", quantity),
            };
        }

        private static object? Unwrap(object? value) => value is PSObject ps ? ps.BaseObject : value;
    }
}
