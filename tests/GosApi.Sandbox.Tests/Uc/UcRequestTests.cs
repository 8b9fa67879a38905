using System.Text.Json.Nodes;

namespace GosApi.Sandbox.Tests.Uc;

public sealed class UcRequestTests
{
    [Fact]
    public async Task Missing_or_wrong_credentials_are_401_text()
    {
        await using var api = await UcApi.StartAsync();
        foreach (var path in new[] { "request/list", "request/create", "request/view", "request/status", "request/attach_file", "products", "fns/find" })
        {
            var (status, text, type) = await api.PostAsync(path, new JsonObject(), auth: false);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal("нет доступа (неверные или не указанные логин или пароль)", text);
            Assert.Equal("text/plain", type);
        }
        var wrong = await api.PostAsync("products", new JsonObject { ["login"] = api.Manager.Login, ["pass"] = "wrong" }, auth: false);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.Status);
        var noPass = await api.PostAsync("products", new JsonObject { ["login"] = api.Manager.Login }, auth: false);
        Assert.Equal(HttpStatusCode.Unauthorized, noPass.Status);
        var emptyBody = await api.Http.PostAsync(UcApi.Prefix + "products", new StringContent("", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, emptyBody.StatusCode);
        // member names bind case-insensitively
        var upper = await api.PostAsync("products", new JsonObject { ["Login"] = api.Manager.Login, ["Pass"] = api.Manager.Password }, auth: false);
        Assert.Equal(HttpStatusCode.OK, upper.Status);
    }

    [Fact]
    public async Task Products_are_the_spec_example()
    {
        await using var api = await UcApi.StartAsync();
        var products = (await api.OkAsync("products"))["products"]!.AsArray();
        Assert.Equal([224, 226, 231], products.Select(p => p!["id"]!.GetValue<int>()));
        Assert.Equal(6, products[0]!["oids"]!.AsArray().Count);
        Assert.Equal("1.3.6.1.5.5.7.3.2", products[0]!["oids"]![0]!["oid"]!.GetValue<string>());
        Assert.Equal(1000, products[1]!["price"]!["fl"]!.GetValue<decimal>());
        Assert.Equal(3000, products[2]!["price"]!["ur"]!.GetValue<decimal>());
        Assert.False(products[2]!["required"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("type", "4", "type")]
    [InlineData("lastName", null, "lastName")]
    [InlineData("gender", "X", "gender")]
    [InlineData("gender", null, "gender")]
    [InlineData("snils", "07683358609", "snils")]
    [InlineData("snils", null, "snils")]
    [InlineData("inn", "501810411816", "inn")]
    [InlineData("personInn", "50181041181523", "personInn")]
    [InlineData("passportSerial", null, "passportSerial")]
    [InlineData("passportNumber", "12312", "passportNumber")]
    [InlineData("passportCode", "52-0000", "passportCode")]
    [InlineData("passportDate", "2011-02-20", "passportDate")]
    [InlineData("region", "Нижегородская", "region")]
    [InlineData("identificationKind", "2", "identificationKind")]
    public async Task Create_checks_person_fields(string field, string? value, string named)
    {
        await using var api = await UcApi.StartAsync();
        var info = UcApi.Person();
        if (value is null) info.Remove(field);
        else info[field] = field is "type" or "identificationKind" ? JsonValue.Create(int.Parse(value)) : value;
        var text = await api.FailAsync("request/create", new JsonObject { ["info"] = info }, HttpStatusCode.InternalServerError);
        Assert.StartsWith(named, text);
    }

    [Fact]
    public async Task Create_accepts_each_type_and_gender_spelling()
    {
        await using var api = await UcApi.StartAsync();
        foreach (var gender in new[] { "M", "М", "F", "U" })
        {
            var info = UcApi.Person();
            info["gender"] = gender;
            await api.CreateAsync(info);
        }
        await api.CreateAsync(UcApi.Entrepreneur());
        var viaOgrn = UcApi.Entrepreneur();
        viaOgrn.Remove("ogrnip");
        viaOgrn["ogrn"] = "304500116000157";
        await api.CreateAsync(viaOgrn);
        await api.CreateAsync(UcApi.LegalEntity());
        var noProducts = UcApi.Person();
        noProducts.Remove("products");
        var id = await api.CreateAsync(noProducts);
        Assert.True(id >= 1370);
    }

    [Theory]
    [InlineData(2, "ogrnip", null, "ogrnip")]
    [InlineData(2, "ogrnip", "304500116000158", "ogrnip")]
    [InlineData(2, "inn", "7524012415", "inn")]
    [InlineData(3, "ogrn", "1057524018695", "ogrn")]
    [InlineData(3, "ogrn", null, "ogrn")]
    [InlineData(3, "inn", "7524012416", "inn")]
    [InlineData(3, "kpp", "75240100", "kpp")]
    [InlineData(3, "company", null, "company")]
    [InlineData(3, "companyFull", null, "companyFull")]
    [InlineData(3, "headLastName", null, "headLastName")]
    [InlineData(3, "headFirstName", "", "headFirstName")]
    public async Task Create_checks_entrepreneur_and_legal_entity_fields(int type, string field, string? value, string named)
    {
        await using var api = await UcApi.StartAsync();
        var info = type == 2 ? UcApi.Entrepreneur() : UcApi.LegalEntity();
        if (value is null) info.Remove(field);
        else info[field] = value;
        var text = await api.FailAsync("request/create", new JsonObject { ["info"] = info }, HttpStatusCode.InternalServerError);
        Assert.StartsWith(named, text);
    }

    [Theory]
    [InlineData(1, "IdSmevEGRIP", false)]
    [InlineData(1, "IdSmevEGRUL", false)]
    [InlineData(2, "IdSmevEGRUL", false)]
    [InlineData(3, "IdSmevEGRIP", false)]
    [InlineData(1, "IdSmevSNILS", true)]
    [InlineData(1, "IdSmevINNFL", true)]
    [InlineData(1, "IdSmevMvd", true)]
    [InlineData(2, "IdSmevEGRIP", true)]
    [InlineData(3, "IdSmevEGRUL", true)]
    [InlineData(3, "idsmevmvd", true)]
    public async Task IdSmev_fields_follow_the_table(int type, string field, bool allowed)
    {
        await using var api = await UcApi.StartAsync();
        var info = type switch { 1 => UcApi.Person(), 2 => UcApi.Entrepreneur(), _ => UcApi.LegalEntity() };
        info[field] = 12345;
        if (allowed) await api.CreateAsync(info);
        else Assert.StartsWith(field, await api.FailAsync("request/create", new JsonObject { ["info"] = info }, HttpStatusCode.InternalServerError));
    }

    [Fact]
    public async Task Unknown_product_and_missing_info_are_500()
    {
        await using var api = await UcApi.StartAsync();
        var info = UcApi.Person();
        info["products"] = new JsonArray(224, 999);
        Assert.Contains("999", await api.FailAsync("request/create", new JsonObject { ["info"] = info }, HttpStatusCode.InternalServerError));
        await api.FailAsync("request/create", new JsonObject(), HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task List_needs_a_filter_and_filters_by_fields_archive_and_owner()
    {
        await using var api = await UcApi.StartAsync();
        Assert.Equal("Не передан объект filter", await api.FailAsync("request/list", new JsonObject(), HttpStatusCode.BadRequest));
        Assert.Contains("passportNumber", await api.FailAsync("request/list",
            new JsonObject { ["filter"] = new JsonObject { ["passportSerial"] = "2210" } }, HttpStatusCode.BadRequest));

        var petrov = await api.CreateAsync(UcApi.Person());
        var ivanov = await api.CreateAsync(UcApi.Person("Иванов"));
        var company = await api.CreateAsync(UcApi.LegalEntity());
        var other = api.Server.RegisterUcManager("other@sandbox.test", "secret");
        var foreign = await api.CreateAsync(UcApi.Person(), other);

        async Task<long[]> List(JsonObject filter) =>
            (await api.OkAsync("request/list", new JsonObject { ["filter"] = filter }))["info"]!.AsArray().Select(i => i!["requestId"]!.GetValue<long>()).ToArray();

        Assert.Equal([petrov, ivanov, company], await List(new JsonObject()));
        Assert.Equal([petrov], await List(new JsonObject { ["lastName"] = "петров", ["firstName"] = "Акакий" }));
        Assert.Equal([company], await List(new JsonObject { ["company"] = "ООО \"Ромашка\"" }));
        Assert.Equal([company], await List(new JsonObject { ["inn"] = "7524012415" }));
        Assert.Equal([petrov, ivanov, company], await List(new JsonObject { ["snils"] = "07683358608" }));
        Assert.Equal([petrov, ivanov, company], await List(new JsonObject { ["passportSerial"] = "2210", ["passportNumber"] = "123123", ["passportCode"] = "520 000" }));
        Assert.Empty(await List(new JsonObject { ["passportSerial"] = "2210", ["passportNumber"] = "999999" }));
        Assert.Equal([foreign], (await api.OkAsync("request/list", new JsonObject { ["filter"] = new JsonObject() }, other))["info"]!.AsArray()
            .Select(i => i!["requestId"]!.GetValue<long>()));

        await api.WaitStatusAsync(ivanov, 1);
        await api.OkAsync("request/change", new JsonObject { ["requestId"] = ivanov, ["requestArchived"] = true });
        Assert.Equal([petrov, company], await List(new JsonObject { ["HideArchived"] = true }));
        Assert.Equal([petrov, ivanov, company], await List(new JsonObject { ["hideArchived"] = false }));

        var item = (await api.OkAsync("request/list", new JsonObject { ["filter"] = new JsonObject { ["lastName"] = "Петров" } }))["info"]![0]!;
        Assert.Equal("М", item["gender"]!.GetValue<string>());
        Assert.Equal("520-000", item["passportCode"]!.GetValue<string>());
        Assert.Equal(52, item["region"]!.GetValue<int>());
        Assert.Equal(1, item["type"]!.GetValue<int>());
        Assert.Equal([224, 226], item["products"]!.AsArray().Select(p => p!.GetValue<int>()));
        Assert.Matches(@"^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d$", item["createDate"]!.GetValue<string>());
        Assert.Null(item["headLastName"]);
        Assert.True(item.AsObject().ContainsKey("headLastName"));
        Assert.Equal(0, item["identificationKind"]!.GetValue<int>());
    }

    [Fact]
    public async Task View_shows_the_spec_shape_and_checks_progress()
    {
        await using var api = await UcApi.StartAsync(clockSpeed: 100);
        var id = await api.CreateAsync(UcApi.LegalEntity());
        var view = await api.ViewAsync(id);
        Assert.Equal(id, view["requestId"]!.GetValue<long>());
        Assert.Equal(1, view["info"]!["checkCertInFNSStatus"]!.GetValue<int>());
        Assert.Null(view["info"]!["existingCertsInFNS"]);
        var checks = view["smevChecks"]!.AsArray();
        Assert.Equal([0, 1, 2, 4], checks.Select(c => c!["requestType"]!.GetValue<int>()));
        Assert.All(checks, c => Assert.Equal(0, c!["status"]!.GetValue<int>()));
        Assert.All(checks, c => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}$", c!["launchDate"]!.GetValue<string>()));
        Assert.Equal("Гармаев", view["info"]!["headLastName"]!.GetValue<string>());
        Assert.Equal([1, 3], view["list"]!.AsArray().Select(l => l!["typeId"]!.GetValue<int>()));

        await Task.Delay(400, TestContext.Current.CancellationToken); // 40 sandbox seconds
        view = await api.ViewAsync(id);
        Assert.Equal(1, view["statusId"]!.GetValue<int>());
        Assert.Equal("Отправка документов", view["status"]!.GetValue<string>());
        Assert.Equal(2, view["info"]!["checkCertInFNSStatus"]!.GetValue<int>());
        Assert.All(view["smevChecks"]!.AsArray(), c => Assert.Equal(1, c!["status"]!.GetValue<int>()));

        var repeated = await api.CreateAsync(UcApi.Entrepreneur("Повторов"));
        var failing = await api.CreateAsync(UcApi.Person("Непроверов"));
        await Task.Delay(400, TestContext.Current.CancellationToken);
        view = await api.ViewAsync(repeated);
        Assert.Equal(3, view["info"]!["checkCertInFNSStatus"]!.GetValue<int>());
        var existing = view["info"]!["existingCertsInFNS"]!.AsArray();
        Assert.Equal(2, existing.Count);
        Assert.Matches("^[0-9A-F]+$", existing[0]!["sn"]!.GetValue<string>());
        Assert.Matches(@"^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d$", existing[0]!["issued"]!.GetValue<string>());
        Assert.Equal([0, 1, 2, 3], view["smevChecks"]!.AsArray().Select(c => c!["requestType"]!.GetValue<int>()));
        Assert.Equal("304500116000157", view["info"]!["ogrnip"]!.GetValue<string>());
        view = await api.ViewAsync(failing);
        Assert.All(view["smevChecks"]!.AsArray(), c => Assert.Equal(-1, c!["status"]!.GetValue<int>()));

        // change relaunches the checks and passes through 22
        var info = UcApi.LegalEntity();
        info["city"] = "Чита";
        await api.OkAsync("request/change", new JsonObject { ["requestId"] = id, ["info"] = info });
        view = await api.ViewAsync(id);
        Assert.Equal(1, view["info"]!["checkCertInFNSStatus"]!.GetValue<int>());
        Assert.Equal("Чита", view["info"]!["city"]!.GetValue<string>());
        await api.WaitStatusAsync(id, 1);
    }

    [Fact]
    public async Task View_of_unknown_or_foreign_request_is_403_and_status_gives_0()
    {
        await using var api = await UcApi.StartAsync();
        var mine = await api.CreateAsync(UcApi.Person());
        var other = api.Server.RegisterUcManager();
        var foreign = await api.CreateAsync(UcApi.Person(), other);
        await api.FailAsync("request/view", new JsonObject { ["requestId"] = foreign }, HttpStatusCode.Forbidden);
        await api.FailAsync("request/view", new JsonObject { ["requestId"] = 999999 }, HttpStatusCode.Forbidden);

        await api.WaitStatusAsync(mine, 1);
        var many = new JsonArray(Enumerable.Range(0, 30).Select(_ => (JsonNode)JsonValue.Create(mine)).Concat([foreign, 5, 999999]).ToArray());
        var statuses = (await api.OkAsync("request/status", new JsonObject { ["requests"] = many })).AsArray();
        Assert.Equal(33, statuses.Count);
        Assert.All(statuses.Take(30), s => Assert.Equal(1, s!["statusId"]!.GetValue<int>()));
        Assert.Equal([foreign, 5, 999999], statuses.Skip(30).Select(s => s!["requestId"]!.GetValue<long>()));
        Assert.All(statuses.Skip(30), s => Assert.Equal(0, s!["statusId"]!.GetValue<int>()));
        await api.FailAsync("request/status", new JsonObject(), HttpStatusCode.BadRequest);
        await api.FailAsync("request/status", new JsonObject { ["requests"] = new JsonArray("abc") }, HttpStatusCode.BadRequest);
        await api.FailAsync("request/change", new JsonObject { ["requestId"] = foreign, ["requestArchived"] = true }, HttpStatusCode.InternalServerError);
    }

    [Fact]
    public async Task Calls_in_status_22_are_refused()
    {
        await using var api = await UcApi.StartAsync(clockSpeed: 1);
        var id = await api.CreateAsync(UcApi.Person());
        Assert.Equal(22, await api.StatusAsync(id));
        Assert.Contains("статусе 22 «Обработка системы»", await api.AttachFailAsync(id, 8, UcApi.PersonArchive()));
        Assert.Contains("статусе 22", await api.AttachFailAsync(id, 17, UcApi.Archive("x.pdf")));
        Assert.Contains("статусе 22", await api.FailAsync("request/change", new JsonObject { ["requestId"] = id, ["info"] = UcApi.Person() }, HttpStatusCode.InternalServerError));
        Assert.Contains("статусе 22", await api.FailAsync("request/result", new JsonObject { ["requestId"] = id }, HttpStatusCode.InternalServerError));
        Assert.Contains("статусе 22", await api.FailAsync("request/client_docs", new JsonObject { ["requestId"] = id, ["fileType"] = 1 }, HttpStatusCode.InternalServerError));
        // view works (checkCertInFNSStatus is to be polled with it right after create)
        Assert.Equal(22, (await api.ViewAsync(id))["statusId"]!.GetValue<int>());
        Assert.Equal("Обработка системы", (await api.ViewAsync(id))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refuse_hook_and_control_endpoints()
    {
        await using var api = await UcApi.StartAsync();
        var id = await api.CreateReadyAsync(UcApi.Person());
        api.Server.RefuseUcRequest(id, "Документы нечитаемы");
        var view = await api.ViewAsync(id);
        Assert.Equal(5, view["statusId"]!.GetValue<int>());
        Assert.Equal("Отказ", view["status"]!.GetValue<string>());
        Assert.Equal("Документы нечитаемы", view["info"]!["comment"]!.GetValue<string>());
        Assert.Throws<InvalidOperationException>(() => api.Server.RefuseUcRequest(id, "again"));
        Assert.Throws<KeyNotFoundException>(() => api.Server.RefuseUcRequest(1, "none"));
        Assert.Contains("статусе 5", await api.AttachFailAsync(id, 8, UcApi.PersonArchive()));
        await api.AttachOkAsync(id, 17, UcApi.Archive("Договор.pdf"), "extra.zip");

        var ct = TestContext.Current.CancellationToken;
        var created = await api.Http.PostAsync("sandbox/uc/managers", new StringContent("""{"login":"m@x.ru","password":"p1"}""", Encoding.UTF8, "application/json"), ct);
        Assert.Equal("""{"login":"m@x.ru","password":"p1"}""", await created.Content.ReadAsStringAsync(ct));
        var manager = new UcManager("m@x.ru", "p1");
        var second = await api.CreateReadyAsync(UcApi.Person());
        var refused = await api.Http.PostAsync($"sandbox/uc/requests/{second}/refuse", new StringContent("""{"comment":"Нет оплаты"}""", Encoding.UTF8, "application/json"), ct);
        Assert.Equal(HttpStatusCode.NoContent, refused.StatusCode);
        Assert.Equal(5, await api.StatusAsync(second));
        Assert.Equal(HttpStatusCode.Conflict, (await api.Http.PostAsync($"sandbox/uc/requests/{second}/refuse", null, ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.PostAsync("sandbox/uc/requests/1/refuse", null, ct)).StatusCode);
        var attachments = JsonNode.Parse(await api.Http.GetStringAsync($"sandbox/uc/requests/{id}/attachments", ct))!.AsArray();
        Assert.Equal(17, attachments.Single()!["fileType"]!.GetValue<int>());
        Assert.Equal("extra.zip", attachments.Single()!["fileName"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.GetAsync("sandbox/uc/requests/1/attachments", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("products", @as: manager)).Status);
    }

    [Fact]
    public async Task Generic_faults_work_on_uc_routes_with_text_bodies()
    {
        await using var api = await UcApi.StartAsync();
        api.Server.Faults.Add(new FaultRule { PathPrefix = "/api/external/v2/products", Kind = FaultKind.Status, StatusCode = 503 });
        var (status, text, type) = await api.PostAsync("products");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("text/plain", type);
        Assert.Contains("503", text);
        api.Server.Faults.Add(new FaultRule { PathPrefix = "/api/external/v2/", Kind = FaultKind.TooManyRequests, RetryAfterSeconds = 2 });
        Assert.Equal(HttpStatusCode.TooManyRequests, (await api.PostAsync("products")).Status);

        // a lost answer: the request is created, the client sees a dropped connection
        api.Server.Faults.Add(new FaultRule { PathPrefix = "/api/external/v2/request/create", Kind = FaultKind.LoseResponse });
        await Assert.ThrowsAsync<HttpRequestException>(() => api.PostAsync("request/create", new JsonObject { ["info"] = UcApi.Person() }));
        var list = await api.OkAsync("request/list", new JsonObject { ["filter"] = new JsonObject() });
        Assert.Single(list["info"]!.AsArray());

        api.Server.Faults.Add(new FaultRule { PathPrefix = "/api/external/v2/request/view", Kind = FaultKind.ResetConnection });
        await Assert.ThrowsAsync<HttpRequestException>(() => api.PostAsync("request/view", new JsonObject { ["requestId"] = 1370 }));
        api.Server.Faults.Add(new FaultRule { PathPrefix = "/api/external/v2/products", Kind = FaultKind.Delay, Delay = TimeSpan.FromMilliseconds(50) });
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync("products")).Status);
    }
}
