System.Console.WriteLine("help builder");
