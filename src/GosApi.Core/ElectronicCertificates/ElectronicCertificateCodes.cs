using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace GosApi.ElectronicCertificates
{
    /// <summary>
    /// The reference lists of seed 002 with their meanings. Codes are kept with the seed's exact characters:
    /// certificate types and programs are all Cyrillic, block reasons mix Latin E/R with Cyrillic С/В.
    /// </summary>
    public static class ElectronicCertificateCodes
    {
        public static readonly IReadOnlyDictionary<string, string> CertificateTypes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ЕСТР0001"] = "ЭС с контролем использования количества единиц и предельной стоимости единицы товара, работы, услуги",
            ["ЕСТР0002"] = "ЭС с контролем общей суммы средств, предоставленной на реализацию меры поддержки",
            ["ЕСТР0003"] = "ЭС с контролем предельной стоимости единицы товара, работы, услуги в пределах общей суммы средств, предоставленной на реализацию меры поддержки, и количества единиц товаров, работ, услуг",
            ["ЕСТР0004"] = "ЭС с контролем количества единиц товаров, работ, услуг в пределах общей суммы средств, предоставленной на реализацию меры поддержки",
        };

        public static readonly IReadOnlyDictionary<string, string> Programs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ЕСРРАССТ"] = "Технические средства реабилитации",
            ["ЕСРРАССС"] = "Комплексная реабилитация и абилитация детей-инвалидов",
        };

        public static readonly IReadOnlyDictionary<string, string> BlockReasons = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["EСВR0001"] = "Отказ гражданина от использования назначенной меры поддержки с использованием ЭС",
            ["EСВR0002"] = "Установлен факт смерти потребителя",
            ["EСВR0003"] = "Прекращение назначенной меры поддержки по законным основаниям",
            ["EСВR0004"] = "Признание решения о назначении меры поддержки недействительным",
            ["EСВR0005"] = "Внесено ошибочное назначение меры поддержки",
            ["EСВR9010"] = "Достигнуто максимальное количество покупок с использованием ЭС",
            ["EСВR9011"] = "Достигнут минимальный предельный остаток товаров, работ, услуг по ЭС",
        };

        public static readonly IReadOnlyDictionary<string, string> Statuses = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ECSTRSVD"] = "Зарезервирован",
            ["ECSTFRMD"] = "Сформирован",
            ["ECSTPACT"] = "Ожидает активации",
            ["ECSTACTV"] = "Активный",
            ["ECSTPBLK"] = "Ожидает блокировки",
            ["ECSTBLKD"] = "Блокирован",
            ["ECSTCLSD"] = "Закрыт",
        };

        public static readonly IReadOnlyDictionary<string, string> StatusReasons = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ECSR0001"] = "Отказ гражданина от использования назначенной меры поддержки с использованием ЭС",
            ["ECSR0002"] = "Установлен факт смерти потребителя",
            ["ECSR0003"] = "Прекращение назначенной меры поддержки по законным основаниям",
            ["ECSR0004"] = "Признание решения о назначении меры поддержки недействительным",
            ["ECSR0005"] = "Внесено ошибочное назначение меры поддержки",
            ["ECSR0006"] = "Расчеты проведены в полном объеме",
            ["ECSR0007"] = "Истек срок действия ЭС",
            ["ECSR9010"] = "Достигнуто максимальное количество покупок с использованием ЭС",
            ["ECSR9011"] = "Достигнут минимальный предельный остаток товаров, работ, услуг по ЭС",
            ["ECSR9999"] = "Иная причина изменения статуса ЭС",
        };

        public static readonly IReadOnlyDictionary<string, string> UsageStatuses = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ECUSNONE"] = "Не использован",
            ["ECUSPART"] = "Использован частично",
            ["ECUSFULL"] = "Использован полностью",
        };

        public static readonly IReadOnlyDictionary<string, string> ActivationSuspensionReasons = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ECASCARD"] = "Номер национального платежного инструмента потребителя (карты МИР) не прошел валидацию",
            ["ECASGRNT"] = "Сумма в платёжном поручении не соответствует сумме произведения количества ТРУ и предельной стоимости в электронном сертификате",
        };

        public static readonly IReadOnlyDictionary<string, string> TransactionTypes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["OPTPPRCH"] = "Покупка",
            ["OPTPFRTN"] = "Возврат",
            ["OPTPPRTN"] = "Частичный возврат",
            ["OPTPBRTN"] = "Возврат в бюджет",
            ["OPTPADJP"] = "Корректировка положительная",
            ["OPTPADJN"] = "Корректировка отрицательная",
        };

        /// <summary>requestType: the kinds of task ec-tasks-status can be asked about.</summary>
        public static readonly IReadOnlyDictionary<string, string> RequestTypes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ec_create"] = "Запрос на выпуск ЭС по социальной программе ОИВ",
            ["ec_status"] = "Запрос на получение сведений о выпущенных ЭС",
            ["ec_edit"] = "Запрос на корректировку параметров ЭС",
            ["ec_block"] = "Запрос на блокировку ЭС",
            ["ec_register_extract"] = "Запрос на получение выписки из реестра ЭС",
            ["ec_condition_notice"] = "Запрос на получение сведений об изменении состояния ЭС",
            ["ec_tasks_status"] = "Запрос на получение сведений о статусах исполнения заданий",
            ["ec_tasks_result"] = "Запрос на получение результата выполненных задач",
            ["ec_undef"] = "Неопределенный тип запроса",
        };

        /// <summary>The request types that are tasks (the default of Get-ElectronicCertificateTask).</summary>
        public static readonly IReadOnlyList<string> TaskRequestTypes = new[] { "ec_create", "ec_status", "ec_edit", "ec_block", "ec_register_extract", "ec_condition_notice" };

        /// <summary>InteractionStatusType.</summary>
        public static readonly IReadOnlyDictionary<string, string> TaskStatuses = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["doesNotExist"] = "Запрос с таким Id не найден в БД",
            ["requestIsQueued"] = "Запрос находится в очереди на асинхронную валидацию",
            ["requestIsAcceptedBySmev"] = "Запрос доставляется поставщику",
            ["requestIsRejectedBySmev"] = "Запрос не прошёл асинхронную валидацию",
            ["underProcessing"] = "Обрабатывается поставщиком сервиса",
            ["responseIsAcceptedBySmev"] = "Запрос выполнен, ответ находится в очереди СМЭВ",
            ["responseIsRejectedBySmev"] = "Запрос не прошёл асинхронную валидацию",
            ["cancelled"] = "Запрос отменён сервисом",
            ["messageIsArchived"] = "Сообщение переведено в архив",
            ["messageIsDelivered"] = "Сообщение получено получателем",
            ["taskIsExecuted"] = "Задача исполнена и сведения получены",
        };

        /// <summary>201 acknowledgements of ec-create, ec-edit and ec-block.</summary>
        public static readonly IReadOnlyDictionary<string, string> Acknowledgements = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["REQUEST_IS_QUEUED"] = "Запрос находится в очереди на асинхронную валидацию",
            ["REQUEST_IS_ACCEPTED"] = "Запрос обрабатывается",
        };

        /// <summary>A code with its meaning from <paramref name="list"/>; null for null.</summary>
        public static ElectronicCertificateCode? Describe(IReadOnlyDictionary<string, string> list, string? code) =>
            code == null ? null : new ElectronicCertificateCode(code, list.TryGetValue(code, out var meaning) ? meaning : null);

        /// <summary>
        /// The spec's spelling of a code typed with any mix of Latin and Cyrillic look-alike letters, in any case
        /// ("ECTP0001", "ectp0001" → "ЕСТР0001"); null when it matches no code of <paramref name="list"/>.
        /// </summary>
        public static string? Normalize(IReadOnlyDictionary<string, string> list, string? typed)
        {
            if (typed == null) return null;
            var skeleton = Skeleton(typed.Trim());
            return list.Keys.FirstOrDefault(code => Skeleton(code) == skeleton);
        }

        // Cyrillic capitals that look like Latin ones, mapped to the Latin letter. Cyrillic Р is what a person
        // types for the R of the block reasons (EСВR…), so Latin R and P share a skeleton too; no list has two
        // codes that differ only there.
        private const string Cyrillic = "АВЕКМНОРСТУХ";
        private const string Latin = "ABEKMHOPCTYX";

        private static string Skeleton(string text)
        {
            var upper = text.ToUpperInvariant();
            var result = new StringBuilder(upper.Length);
            foreach (var c in upper)
            {
                var i = Cyrillic.IndexOf(c);
                result.Append(i >= 0 ? Latin[i] : c == 'R' ? 'P' : c);
            }
            return result.ToString();
        }
    }
}
